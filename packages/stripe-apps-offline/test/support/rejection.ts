/** What a call that must fail threw, as stripe-node's error (failing the test when the call succeeded). */
import type Stripe from 'stripe';

export async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (e) {
    return e as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}
