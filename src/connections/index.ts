/**
 * The Connections panel: each Dashboard user's own OAuth connection, kept in
 * their own Secret Store scope. How the pieces fit:
 *
 *   views/ConnectionsDrawer ─▶ Connections         one panel per declared connection: useConnection + useAuthorizeLink + ConnectionPanel
 *                              ConnectionPanel     one screen per machine state
 *                                ├ ConnectionDetails  who, scopes, expiry (a summary: never a token)
 *                                └ ConnectButton      the link from useAuthorizeLink (../oauth/authorizeUrl)
 *                                └ UserInputFields    what the provider needs typed first (useUserInputs: Shopify's shop)
 *   useSignInReturn     which connection the Dashboard's OAuth return is for (signIns: a record in the user's scope)
 *   firstReads          the drawer's one list of the user's scope, shared by the panels' first loads (view mode only)
 *   useConnection       maps the service's results to connectionMachine's actions; messages from connectionMessages;
 *                       while waiting for another tab's sign-in, looks for the connection now and then (bounded)
 *   connectionService   view mode: the view is the OAuth client (public, PKCE) and holds the user's connection
 *     └ connectionCore    load, connect, refresh, verify, fetchAsUser, disconnect; no SDK, so backend/oauth uses it too
 *         ├ ../oauth          token, revocation and identity endpoints
 *         ├ refreshLease      one refresh at a time across views and backend copies (a lease in the user's scope)
 *         └ storedConnection  the secret's JSON payload (keyring_connection_<id>), read by the backend too
 *   backendConnection   backend mode (a connection's exchange "backend"): the same interface over signed calls
 *                       (../appBackend); the backend is a confidential client and keeps the tokens
 */
export {connectionSecretName, type StoredConnection} from './storedConnection';
export {createBackendConnection} from './backendConnection';
export {createConnectionService, type ConnectionService, type PanelConnection} from './connectionService';
export {ConnectionPanel} from './ConnectionPanel';
export {Connections} from './Connections';
export {refreshLeaseName} from './refreshLease';
export {useAuthorizeLink} from './useAuthorizeLink';
export {useConnection, type ConnectionOptions} from './useConnection';
export {useSignInReturn, type SignInReturn} from './useSignInReturn';
export {SIGN_INS_SECRET} from './signIns';
export {firstReadsFor, type FirstReads} from './firstReads';
