export {buildAuthorizeUrl, type IssuedState} from './authorizeUrl';
export {CONNECTION_SECRET, parseConnection, type ConnectionSummary, type StoredConnection} from './connection';
export {connectionReducer, openingState, type ConnectionAction, type ConnectionState, type Notice} from './connectionMachine';
export {createConnectionService, type ConnectionService, type Revocation} from './connectionService';
export {readOAuthProvider, redirectUriFor, type OAuthProviderConfig, type OAuthProviderSetup} from './providerConfig';
export {ProviderError, type ProviderErrorKind} from './providerErrors';
export {REFRESH_LEASE_SECRET} from './refreshLease';
export {useAuthorizeLink, type AuthorizeLink} from './useAuthorizeLink';
export {useConnection, type ConnectionControls} from './useConnection';
