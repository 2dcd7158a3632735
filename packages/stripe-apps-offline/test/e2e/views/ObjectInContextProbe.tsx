/**
 * A test-only view (never shipped): retrieves the object its detail page hands
 * it (`environment.objectContext`) through the Stripe client, as an object-page
 * view of a fork would, and shows what came back or the error.
 */
import {useEffect, useState} from 'react';
import Stripe from 'stripe';
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {createHttpClient, STRIPE_API_KEY} from '@stripe/ui-extension-sdk/http_client';
import {Box, ContextView} from '@stripe/ui-extension-sdk/ui';

// The SDK's client declares a narrower method union than stripe-node's interface.
const stripe = new Stripe(STRIPE_API_KEY, {httpClient: createHttpClient() as Stripe.HttpClient});

const ObjectInContextProbe = ({environment}: ExtensionContextValue) => {
  const [shown, setShown] = useState('loading');
  const context = environment.objectContext;
  useEffect(() => {
    if (!context?.id) return;
    const id = context.id;
    const describe = async () => {
      if (context.object === 'customer') {
        const customer = await stripe.customers.retrieve(id);
        return `found customer ${customer.id}: ${'name' in customer ? customer.name : 'deleted'}`;
      }
      const intent = await stripe.paymentIntents.retrieve(id);
      return `found payment_intent ${intent.id}: ${intent.status} for ${String(intent.customer)}`;
    };
    describe().then(setShown, (e: Error) => setShown(`error: ${e.message}`));
  }, [context?.id, context?.object]);
  return (
    <ContextView title="Object in context">
      <Box>{shown}</Box>
    </ContextView>
  );
};

export default ObjectInContextProbe;
