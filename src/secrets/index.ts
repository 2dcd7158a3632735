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
