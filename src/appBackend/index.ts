/**
 * Calling the app's backend from a view (backend/ at the top of the repo):
 *
 *   createBackendClient(context) ─▶ backendClient  call(path, body): fresh fetchStripeSignature(), Stripe-Signature,
 *                                                  {…body, user_id, account_id} from userContext, constants.backendUrl
 *   anything that fails ─▶ errors                 one BackendCallError {kind}, messages written here
 *
 * The manifest's CSP `connect-src` must list constants.backendUrl, or the call fails as a network error.
 */
export {createBackendClient, type BackendClient} from './backendClient';
export {BackendCallError, type BackendCallErrorKind} from './errors';
