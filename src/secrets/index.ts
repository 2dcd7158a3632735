/**
 * Typed Secret Store access for the views: a scope is "this account" or "the
 * signed-in user", never an arbitrary user id.
 *
 *   createSecretStore(context) ─▶ secretStore  account / signedInUser: set, find, reveal, list, delete
 *                                  ├ scope       scopeFor: the user id only ever from userContext
 *                                  ├ client      the `stripe` client over the SDK's http client
 *                                  └ limits      what Stripe accepts (SECRETS_PER_SCOPE, lengths, expiry)
 *   anything stripe-node throws ─▶ errors        toSecretStoreError: one SecretStoreError {kind}, messages written here
 */
export {createExtensionStripe} from './client';
export {SecretStoreError, toSecretStoreError, type SecretStoreErrorKind} from './errors';
export {scopeFor, type ScopeContext, type ScopeOwner, type SecretScope} from './scope';
export {MAX_EXPIRY_SECONDS, MAX_NAME_LENGTH, MAX_PAYLOAD_LENGTH, SECRETS_PER_SCOPE} from './limits';
export {
  checkSecretInput,
  createSecretStore,
  type ScopedSecrets,
  type SecretStore,
  type SecretSummary,
  type SetOptions,
} from './secretStore';
