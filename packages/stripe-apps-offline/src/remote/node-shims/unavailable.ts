/** The one wording for what a view cannot do with stripe-node 8's Node parts. */
export function unavailable(what: string): Error {
  return new Error(`${what} does not run in a view: views run in the browser, in the Dashboard's sandbox. Pass {httpClient: createHttpClient()} from @stripe/ui-extension-sdk/http_client to new Stripe(…), or do this in the app's backend.`);
}
