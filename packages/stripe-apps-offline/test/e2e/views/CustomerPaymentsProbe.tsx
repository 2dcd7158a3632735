/**
 * A test-only view (never shipped) for a customer's page, doing what a fork's
 * customer-page view does first: retrieve the customer in context and list
 * its payment intents with `customer=`, through the extension-scoped Stripe
 * client. It shows what came back, one line per payment, or the error as
 * stripe-node reports it.
 */
import {useEffect, useState} from 'react';
import Stripe from 'stripe';
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {createHttpClient, STRIPE_API_KEY} from '@stripe/ui-extension-sdk/http_client';
import {Box, ContextView} from '@stripe/ui-extension-sdk/ui';

// The SDK's client declares a narrower method union than stripe-node's interface.
const stripe = new Stripe(STRIPE_API_KEY, {httpClient: createHttpClient() as Stripe.HttpClient});

type Shown =
  | {kind: 'loading'}
  | {kind: 'loaded'; customer: string; name: string; payments: Stripe.PaymentIntent[]; hasMore: boolean}
  | {kind: 'failed'; error: string};

const CustomerPaymentsProbe = ({environment}: ExtensionContextValue) => {
  const id = environment.objectContext?.object === 'customer' ? environment.objectContext.id : undefined;
  const [shown, setShown] = useState<Shown>({kind: 'loading'});
  useEffect(() => {
    if (!id) return;
    // A customer picked while the last one loads must not be overwritten by the late answer.
    let current = true;
    setShown({kind: 'loading'});
    Promise.all([stripe.customers.retrieve(id), stripe.paymentIntents.list({customer: id, limit: 100})]).then(
      ([customer, payments]) =>
        current &&
        setShown({
          kind: 'loaded',
          customer: customer.id,
          name: 'deleted' in customer ? '(deleted)' : (customer.name ?? '(no name)'),
          payments: payments.data,
          hasMore: payments.has_more,
        }),
      (e: {type?: string; message?: string}) => current && setShown({kind: 'failed', error: `${e.type ?? 'Error'}: ${e.message ?? String(e)}`}),
    );
    return () => {
      current = false;
    };
  }, [id]);

  return (
    <ContextView title="Customer payments">
      {shown.kind === 'loading' && <Box>loading</Box>}
      {shown.kind === 'failed' && <Box>{`error: ${shown.error}`}</Box>}
      {shown.kind === 'loaded' && (
        <Box css={{stack: 'y', gap: 'small'}}>
          <Box>{`customer: ${shown.name}`}</Box>
          <Box>{`payments of ${shown.customer}: ${shown.payments.length}${shown.hasMore ? ' and more' : ''}`}</Box>
          {shown.payments.map((pi) => (
            // Amount in minor units, as the API has it: the test compares with the store's own answer.
            <Box key={pi.id}>{`${pi.id} · ${pi.amount} ${pi.currency} · ${pi.status}`}</Box>
          ))}
        </Box>
      )}
    </ContextView>
  );
};

export default CustomerPaymentsProbe;
