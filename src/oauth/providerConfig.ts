/**
 * The OAuth providers a user connects to, declared in stripe-app.json as a
 * list, one entry per connection:
 *
 *   "constants": {
 *     "redirectUris": {"test": "https://dashboard.stripe.com/test/apps-oauth/<app id>",
 *                      "live": "https://dashboard.stripe.com/apps-oauth/<app id>"},
 *     "connections": [{
 *       "id": "acme",                                                  (stable: secret names and variables derive from it)
 *       "name": "Acme",
 *       "authorizeUrl": "https://auth.acme.example/oauth/authorize",
 *       "tokenUrl": "https://auth.acme.example/oauth/token",
 *       "revocationUrl": "https://auth.acme.example/oauth/revoke",     (optional)
 *       "identityUrl": "https://api.acme.example/me",                  (optional: who is connected)
 *       "clientId": "…", "scopes": ["read", "write"],
 *       "refreshTokenLifetimeSeconds": 1209600,                        (optional)
 *       "exchange": "view",                                            (optional: "view" or "backend")
 *       "clientAuth": "client_secret_basic",                           (optional, backend only: or "client_secret_post")
 *       "redirectUris": {…}}]}                                         (optional: the shared ones otherwise)
 *
 * Or an entry names a preset (presets/: one file per provider, its facts and
 * their sources) and says only what is the app's own:
 *   {"id": "github", "preset": "github", "clientId": "Iv1.…", "scopes": ["repo"]}
 * Any field it gives wins over the preset's.
 *
 * `exchange` says who trades the code for tokens. "view" (the default): the
 * view itself, as a public client with PKCE; the provider must accept that
 * and answer CORS from the sandboxed iframe. "backend": the app backend, as a
 * confidential client with the secret in OAUTH_CLIENT_SECRET_<ID> (sent as
 * `clientAuth` says); the view still makes the PKCE link and hands the code
 * and verifier over, and the tokens never reach the browser.
 *
 * A view cannot learn its app id, so the Dashboard's return routes are written
 * out (the same for every provider: the Dashboard's, for this app).
 *
 * Each connection keeps its tokens in one secret of the user's scope and takes
 * a refresh lease there while it renews (connectionSecrets.ts); with more than
 * one, a record of the sign-ins under way says which connection a return is
 * for. A user's scope has 10 places, so the list is refused past
 * MAX_CONNECTIONS, naming the numbers.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {manifestConstant, text, type ManifestConstants} from '../manifestConstants';
import {SECRETS_PER_SCOPE} from '../secrets/limits';
import {PRESETS, type ProviderPreset} from './presets';
import {readQuirks, type ProviderQuirks} from './providerQuirks';
import {fillTemplate, fillUrlFields} from './template';
import {exampleValues, readUserInputs, type UserInputs} from './userInputs';

export interface OAuthProviderConfig extends ProviderQuirks {
  /** The connection's id in the manifest: its secrets' names, its client secret's variable. */
  id: string;
  name: string;
  authorizeUrl: string;
  tokenUrl: string;
  revocationUrl?: string;
  /** Where a user removes the app's access themselves, when the app cannot revoke it (a preset's). */
  revokeAt?: string;
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
  /** What each user gives before connecting, filled into the URLs per user (Shopify's shop): userInputs.ts. */
  userInputs?: UserInputs;
}

export type OAuthExchange = 'view' | 'backend';
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

interface ConnectionsSetup {
  connections: OAuthProviderConfig[];
  /** What is wrong in the manifest, for the developer (shown in the panel). */
  problems: string[];
}

/** A connection's id: lower case, so that OAUTH_CLIENT_SECRET_<ID> and the secrets' names follow from it. */
const CONNECTION_ID = /^[a-z][a-z0-9_]{0,29}$/;

/** Places in a user's scope: each connection's tokens and its refresh lease, and one record of sign-ins under way. */
export const PLACES_PER_CONNECTION = 2;
export const SHARED_USER_PLACES = 1;
export const MAX_CONNECTIONS = Math.floor((SECRETS_PER_SCOPE - SHARED_USER_PLACES) / PLACES_PER_CONNECTION);

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

/** The connections stripe-app.json declares, each checked; a mistake is named by its place in the list. */
export function readConnections(constants: ManifestConstants): ConnectionsSetup {
  const list = manifestConstant(constants, 'connections');
  if (list === undefined) {
    if (manifestConstant(constants, 'oauth') !== undefined) {
      return {
        connections: [],
        problems: [
          'constants.oauth is the one-provider form of an older Keyring: move it into constants.connections, a list, as [{"id": "acme", …its fields}], and its redirectUris to constants.redirectUris. Connections stored under the old form are not read: users connect again.',
        ],
      };
    }
    return {connections: [], problems: ['stripe-app.json has no constants.connections: there is no service to connect to.']};
  }
  if (!Array.isArray(list)) return {connections: [], problems: ['constants.connections in stripe-app.json must be a list of connections.']};
  if (list.length > MAX_CONNECTIONS) {
    return {
      connections: [],
      problems: [
        `constants.connections declares ${list.length} connections, but a user's Secret Store scope holds ${SECRETS_PER_SCOPE} secrets and each connection takes ${PLACES_PER_CONNECTION} (its tokens and its refresh lease) besides ${SHARED_USER_PLACES} for sign-ins under way: at most ${MAX_CONNECTIONS} fit.`,
      ],
    };
  }
  const shared = manifestConstant(constants, 'redirectUris');
  const problems: string[] = [];
  const connections: OAuthProviderConfig[] = [];
  const ids = new Set<string>();
  list.forEach((raw: unknown, index: number) => {
    const read = readConnection(raw, index, shared);
    problems.push(...read.problems);
    if (!read.connection) return;
    if (ids.has(read.connection.id)) {
      problems.push(`constants.connections[${index}].id "${read.connection.id}" is also the id of an earlier connection; each needs its own.`);
      return;
    }
    ids.add(read.connection.id);
    connections.push(read.connection);
  });
  return {connections, problems};
}

function readConnection(entry: unknown, index: number, sharedRedirects: unknown): {connection: OAuthProviderConfig | null; problems: string[]} {
  const at = `constants.connections[${index}]`;
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return {connection: null, problems: [`${at} must be an object.`]};
  const written = entry as Record<string, unknown>;
  let raw = written;
  if (written.preset !== undefined) {
    const preset = typeof written.preset === 'string' && Object.hasOwn(PRESETS, written.preset) ? PRESETS[written.preset] : undefined;
    if (!preset) {
      const known = Object.keys(PRESETS).join(', ');
      return {connection: null, problems: [`${at}.preset "${String(written.preset).slice(0, 40)}" is not a preset Keyring has (${known}); write the provider's fields out instead.`]};
    }
    // The preset's facts, under whatever the entry says itself.
    const {inputs: _inputs, ...fields} = preset;
    const filled = fillInputs(preset, written.inputs, typeof written.clientId === 'string' ? written.clientId : '', at);
    if (filled.problems.length > 0) return {connection: null, problems: filled.problems};
    raw = {...fields, ...filled.urls, ...written};
  } else if (written.inputs !== undefined) {
    return {connection: null, problems: [`${at}.inputs fills in a preset's URLs; an entry without a preset writes its URLs out.`]};
  }
  const problems: string[] = [];
  const need = <T>(value: T | undefined, what: string): T | undefined => {
    if (value === undefined) problems.push(`${at}.${what}`);
    return value;
  };
  const userInputs = readUserInputs(raw.userInputs, at, problems);
  const examples = exampleValues(userInputs);
  /**
   * A URL field, checked. One that holds a user input ({shop}) is checked with
   * the input's example in its place and kept as written: each user's value
   * is filled in (and checked again) when it is used.
   */
  const urlField = (key: string): string | undefined => {
    const value = raw[key];
    if (typeof value !== 'string') return url(value);
    const {text: sample, missing} = fillTemplate(value, examples);
    const found = url(sample);
    return found && sample !== value && missing.length === 0 ? value : found;
  };
  const optionalUrl = (key: string): string | undefined => {
    if (raw[key] === undefined) return undefined;
    const found = urlField(key);
    if (!found) problems.push(`${at}.${key} must be an https URL (or http on 127.0.0.1).`);
    return found;
  };
  const id = typeof raw.id === 'string' && CONNECTION_ID.test(raw.id) ? raw.id : undefined;
  need(id, 'id must be lower-case letters, digits and underscores, starting with a letter (at most 30): "github", "google_drive".');
  const name = need(text(raw.name), 'name is missing.');
  const authorizeUrl = need(urlField('authorizeUrl'), 'authorizeUrl must be an https URL (or http on 127.0.0.1).');
  const tokenUrl = need(urlField('tokenUrl'), 'tokenUrl must be an https URL (or http on 127.0.0.1).');
  const clientId = need(text(raw.clientId), 'clientId is missing.');
  const revocationUrl = optionalUrl('revocationUrl');
  const revokeAt = optionalUrl('revokeAt');
  const identityUrl = optionalUrl('identityUrl');
  const scopes = Array.isArray(raw.scopes) ? raw.scopes.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
  if (raw.scopes !== undefined && (!Array.isArray(raw.scopes) || scopes.length !== raw.scopes.length)) {
    problems.push(`${at}.scopes must be a list of scope names.`);
  }
  const lifetime = raw.refreshTokenLifetimeSeconds;
  if (lifetime !== undefined && !(typeof lifetime === 'number' && Number.isInteger(lifetime) && lifetime > 0)) {
    problems.push(`${at}.refreshTokenLifetimeSeconds must be a whole number of seconds.`);
  }
  const redirects = raw.redirectUris ?? sharedRedirects;
  const where = raw.redirectUris === undefined ? 'constants.redirectUris' : `${at}.redirectUris`;
  const redirectObject = (redirects && typeof redirects === 'object' && !Array.isArray(redirects) ? redirects : {}) as Record<string, unknown>;
  const test = url(redirectObject.test);
  const live = url(redirectObject.live);
  if (!test) problems.push(`${where}.test must be the Dashboard's test-mode return route (https://dashboard.stripe.com/test/apps-oauth/<app id>).`);
  if (!live) problems.push(`${where}.live must be the Dashboard's live-mode return route (https://dashboard.stripe.com/apps-oauth/<app id>).`);

  const quirks = readQuirks(raw, at, problems);
  const exchange = raw.exchange ?? 'view';
  if (exchange !== 'view' && exchange !== 'backend') problems.push(`${at}.exchange must be "view" or "backend".`);
  const clientAuth = raw.clientAuth ?? 'client_secret_basic';
  if (clientAuth !== 'client_secret_basic' && clientAuth !== 'client_secret_post') {
    problems.push(`${at}.clientAuth must be "client_secret_basic" or "client_secret_post".`);
  }

  if (!id || !name || !authorizeUrl || !tokenUrl || !clientId || !test || !live || problems.length > 0) return {connection: null, problems};
  return {
    connection: {
      id,
      name,
      authorizeUrl,
      tokenUrl,
      revocationUrl,
      ...(revokeAt ? {revokeAt} : {}),
      identityUrl,
      clientId,
      scopes,
      refreshTokenLifetimeSeconds: typeof lifetime === 'number' ? lifetime : undefined,
      redirectUris: {test, live},
      exchange: exchange as OAuthExchange,
      clientAuth: clientAuth as ClientAuthMethod,
      ...(userInputs ? {userInputs} : {}),
      ...quirks,
    },
    problems,
  };
}

/**
 * A preset's URLs with the entry's `inputs` filled in (or each input's
 * default; `{client_id}` is the entry's client id): an unknown input, a
 * missing one or a value of the wrong form is named. Braces left after
 * filling are kept fields (apiBase's {instance_url}).
 */
function fillInputs(preset: ProviderPreset, given: unknown, clientId: string, at: string): {urls: ReturnType<typeof fillUrlFields>; problems: string[]} {
  const declared = preset.inputs ?? {};
  const problems: string[] = [];
  if (given !== undefined && (!given || typeof given !== 'object' || Array.isArray(given))) return {urls: {}, problems: [`${at}.inputs must be an object.`]};
  const values = (given ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(values)) {
    if (!Object.hasOwn(declared, name)) problems.push(`${at}.inputs.${name.slice(0, 40)} is not an input of this preset (it takes ${Object.keys(declared).join(', ') || 'none'}).`);
  }
  // GitHub's app-level revocation names the client in its path.
  const filled: Record<string, string> = {client_id: encodeURIComponent(clientId)};
  for (const [name, input] of Object.entries(declared)) {
    const value = values[name] ?? input.default;
    if (typeof value !== 'string' || !new RegExp(input.pattern).test(value)) {
      problems.push(`${at}.inputs.${name} must be ${input.description}.`);
      continue;
    }
    filled[name] = value;
  }
  return {urls: fillUrlFields(preset, filled), problems};
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
