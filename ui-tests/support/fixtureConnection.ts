/**
 * The tests' manifest's (ui-tests/fixtures/app) one connection, and the names
 * its secrets have in a user's scope: what most connection tests act on.
 */
import manifest from '../fixtures/app/stripe-app.json';
import {connectionSecretName, refreshLeaseName} from '../../src/connections';

export const FIXTURE_CONNECTION = manifest.constants.connections[0];
/** Its secret in the user's scope (keyring_connection_<id>). */
export const CONNECTION_SECRET = connectionSecretName(FIXTURE_CONNECTION.id);
/** Its refresh lease in the user's scope. */
export const REFRESH_LEASE_SECRET = refreshLeaseName(FIXTURE_CONNECTION.id);
/** The Dashboard's return routes the manifest declares (shared by every connection). */
export const REDIRECTS = manifest.constants.redirectUris;
/** The variable that holds its client secret in backend mode. */
export const CLIENT_SECRET_VARIABLE = `OAUTH_CLIENT_SECRET_${FIXTURE_CONNECTION.id.toUpperCase()}`;
