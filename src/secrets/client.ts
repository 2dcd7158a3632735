import {createHttpClient, STRIPE_API_KEY} from '@stripe/ui-extension-sdk/http_client';
import Stripe from 'stripe';

/**
 * The `stripe` client a UI extension uses: every request goes through the
 * Dashboard (or the preview host), which attaches who is asking.
 *
 * One retry: stripe-node's default of two costs over a second on a 5xx before
 * the view can say anything; POSTs carry an idempotency key, so a retry never
 * writes twice.
 */
export function createExtensionStripe(): Stripe {
  return new Stripe(STRIPE_API_KEY, {
    // The SDK's client declares a narrower method union than stripe-node's interface.
    httpClient: createHttpClient() as Stripe.HttpClient,
    maxNetworkRetries: 1,
    telemetry: false,
  });
}
