/**
 * The OAuth provider a user connects to, declared in stripe-app.json:
 *
 *   "constants": {"oauth": {
 *     "name": "Acme",
 *     "authorizeUrl": "https://auth.acme.example/oauth/authorize",
 *     "tokenUrl": "https://auth.acme.example/oauth/token",
 *     "revocationUrl": "https://auth.acme.example/oauth/revoke",     (optional)
 *     "identityUrl": "https://api.acme.example/me",                  (optional: who is connected)
 *     "clientId": "…", "scopes": ["read", "write"],
 *     "refreshTokenLifetimeSeconds": 1209600,                        (optional)
 *     "redirectUris": {"test": "https://dashboard.stripe.com/test/apps-oauth/<app id>",
 *                      "live": "https://dashboard.stripe.com/apps-oauth/<app id>"},
 *     "exchange": "view",                                            (optional: "view" or "backend")
 *     "clientAuth": "client_secret_basic"}}                          (optional, backend only: or "client_secret_post")
 *
 * `exchange` says who trades the code for tokens. "view" (the default): the
 * view itself, as a public client with PKCE; the provider must accept that
 * and answer CORS from the sandboxed iframe. "backend": the app backend, as a
 * confidential client with its OAUTH_CLIENT_SECRET (sent as `clientAuth`
 * says); the view still makes the PKCE link and hands the code and verifier
 * over, and the tokens never reach the browser.
 *
 * A view cannot learn its app id, so the Dashboard's return routes are written
 * out; stripe-app.local.json replaces the whole object for the offline preview.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {manifestConstant, text, type ManifestConstants} from '../manifestConstants';

export interface OAuthProviderConfig {
  name: string;
  authorizeUrl: string;
  tokenUrl: string;
  revocationUrl?: string;
  identityUrl?: string;
  clientId: string;
  scopes: string[];
  /** Used for the secret's expiry when the token response does not say. */
  refreshTokenLifetimeSeconds?: number;
  redirectUris: {test: string; live: string};
  /** Who exchanges the code and keeps the tokens (absent: the view). */
  exchange?: OAuthExchange;
  /** How the backend authenticates as a confidential client (absent: client_secret_basic). */
  clientAuth?: ClientAuthMethod;
}

export type OAuthExchange = 'view' | 'backend';
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

interface OAuthProviderSetup {
  provider: OAuthProviderConfig | null;
  /** What is wrong in the manifest, for the developer (shown in the panel). */
  problems: string[];
}

export type Mode = ExtensionContextValue['environment']['mode'];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; plain http only on this machine (the offline preview). */
function url(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))) return parsed.toString();
  } catch {
    // Not a URL: reported below.
  }
  return undefined;
}

export function readOAuthProvider(constants: ManifestConstants): OAuthProviderSetup {
  const raw = manifestConstant(constants, 'oauth');
  if (raw === undefined) return {provider: null, problems: ['stripe-app.json has no constants.oauth: there is no service to connect to.']};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {provider: null, problems: ['constants.oauth in stripe-app.json must be an object.']};

  const problems: string[] = [];
  const need = <T>(value: T | undefined, what: string): T | undefined => {
    if (value === undefined) problems.push(`constants.oauth.${what}`);
    return value;
  };
  const optionalUrl = (key: string): string | undefined => {
    if (raw[key] === undefined) return undefined;
    const found = url(raw[key]);
    if (!found) problems.push(`constants.oauth.${key} must be an https URL (or http on 127.0.0.1).`);
    return found;
  };
  const name = need(text(raw.name), 'name is missing.');
  const authorizeUrl = need(url(raw.authorizeUrl), 'authorizeUrl must be an https URL (or http on 127.0.0.1).');
  const tokenUrl = need(url(raw.tokenUrl), 'tokenUrl must be an https URL (or http on 127.0.0.1).');
  const clientId = need(text(raw.clientId), 'clientId is missing.');
  const revocationUrl = optionalUrl('revocationUrl');
  const identityUrl = optionalUrl('identityUrl');
  const scopes = Array.isArray(raw.scopes) ? raw.scopes.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
  if (raw.scopes !== undefined && (!Array.isArray(raw.scopes) || scopes.length !== raw.scopes.length)) {
    problems.push('constants.oauth.scopes must be a list of scope names.');
  }
  const lifetime = raw.refreshTokenLifetimeSeconds;
  if (lifetime !== undefined && !(typeof lifetime === 'number' && Number.isInteger(lifetime) && lifetime > 0)) {
    problems.push('constants.oauth.refreshTokenLifetimeSeconds must be a whole number of seconds.');
  }
  const redirects = raw.redirectUris;
  const redirectObject = redirects && typeof redirects === 'object' && !Array.isArray(redirects) ? redirects : {};
  const test = need(url(redirectObject.test), 'redirectUris.test must be the Dashboard\'s test-mode return route (https://dashboard.stripe.com/test/apps-oauth/<app id>).');
  const live = need(url(redirectObject.live), 'redirectUris.live must be the Dashboard\'s live-mode return route (https://dashboard.stripe.com/apps-oauth/<app id>).');

  const exchange = raw.exchange ?? 'view';
  if (exchange !== 'view' && exchange !== 'backend') problems.push('constants.oauth.exchange must be "view" or "backend".');
  const clientAuth = raw.clientAuth ?? 'client_secret_basic';
  if (clientAuth !== 'client_secret_basic' && clientAuth !== 'client_secret_post') {
    problems.push('constants.oauth.clientAuth must be "client_secret_basic" or "client_secret_post".');
  }

  if (!name || !authorizeUrl || !tokenUrl || !clientId || !test || !live || problems.length > 0) return {provider: null, problems};
  return {
    provider: {
      name,
      authorizeUrl,
      tokenUrl,
      revocationUrl,
      identityUrl,
      clientId,
      scopes,
      refreshTokenLifetimeSeconds: typeof lifetime === 'number' ? lifetime : undefined,
      redirectUris: {test, live},
      exchange: exchange as OAuthExchange,
      clientAuth: clientAuth as ClientAuthMethod,
    },
    problems,
  };
}

/** The mode whose return route `redirectUri` is, or null when it is neither of the manifest's. */
export function modeOfRedirectUri(provider: OAuthProviderConfig, redirectUri: unknown): Mode | null {
  if (redirectUri === provider.redirectUris.test) return 'test';
  if (redirectUri === provider.redirectUris.live) return 'live';
  return null;
}

/** The Dashboard's return route for the current mode (sandboxes use test mode's). */
export function redirectUriFor(provider: OAuthProviderConfig, mode: Mode): string {
  return mode === 'live' ? provider.redirectUris.live : provider.redirectUris.test;
}
