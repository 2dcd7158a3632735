/**
 * The kit as a library: start the offline preview (and each local service on
 * its own) from a script of your own. The `stripe-apps-offline` command is the
 * same thing with ports and data from the environment (src/server/cli.ts).
 */
export {startPreview, PREVIEW_ACCOUNT, PREVIEW_USERS, type PreviewOptions, type RunningPreview} from './src/server/server';
export {loadManifest, type Manifest} from './src/server/manifest';
export {moveToStandIns, readStandIns, standInPortVariable, type StandInConfig} from './src/server/standIns';
export {readAppBackendConfig, startAppBackend, type AppBackendConfig, type RunningAppBackend} from './src/server/appBackend';
export {startSecretStore, DEFAULT_ACCOUNT, DEFAULT_APP, type RunningSecretStore, type StartOptions} from './src/stripe-api/server';
export {DEFAULT_PROVIDER_PORT} from './src/oauth-provider/constants';
export {connectionBlocks, localDifferences, localOAuthLayer, localRedirectUris, localTarget, oauthBehaviour, withKeyedConnections, type LocalOAuthTarget, type OAuthBehaviour} from './src/server/localOAuth';
export {DEFAULT_LOCAL_PORTS, remapLocalPorts, type LocalPorts} from './src/server/localPorts';
