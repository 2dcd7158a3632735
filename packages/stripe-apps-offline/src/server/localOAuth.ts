/**
 * The app's `constants.oauth` as the preview runs it: the app's own provider
 * settings from stripe-app.json, with only what must reach the local provider
 * changed (its endpoints, the client it knows, the preview's return routes).
 * Everything else (the provider's name, the scopes, the exchange mode, how a
 * confidential client authenticates, the refresh token's lifetime) stays the
 * app's, so `npm start` exercises the settings the app ships with, and
 * stripe-app.local.json need not repeat them.
 *
 * The layer goes between stripe-app.json and stripe-app.local.json, so the
 * local file (and a test's overrides) can still change any of it; a change
 * that alters behaviour is named at start-up (localDifferences).
 */
import {CONFIDENTIAL_CLIENTS, PREVIEW_CLIENT_ID, previewRedirectUris} from '../oauth-provider/constants';
import {DEFAULT_LOCAL_PORTS, type LocalPorts} from './localPorts';

export type ExchangeMode = 'view' | 'backend';
export type ClientAuth = keyof typeof CONFIDENTIAL_CLIENTS;

/** Where the local provider and the preview answer. */
export interface LocalOAuthTarget {
  /** The local provider's issuer (http://127.0.0.1:4320). */
  issuer: string;
  /** The preview's origin (http://127.0.0.1:4300): the sign-in returns there. */
  previewOrigin: string;
}

/** What of an oauth block decides how Connect runs, with the defaults the app's own reader applies. */
export interface OAuthBehaviour {
  name: string;
  exchange: ExchangeMode;
  clientAuth: ClientAuth;
  scopes: string[];
}

/** The local provider and the preview on these ports (the defaults for any not given). */
export function localTarget(ports: Partial<LocalPorts> = {}): LocalOAuthTarget {
  const at = (port: number | undefined, fallback: number) => `http://127.0.0.1:${port || fallback}`;
  return {issuer: at(ports.oauth, DEFAULT_LOCAL_PORTS.oauth), previewOrigin: at(ports.preview, DEFAULT_LOCAL_PORTS.preview)};
}

type Block = Record<string, unknown>;

function asBlock(value: unknown): Block | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Block) : null;
}

/** constants.oauth of a manifest (or of one layer of it), when it has one. */
export function oauthBlock(manifest: unknown): Block | null {
  return asBlock(asBlock(asBlock(manifest)?.constants)?.oauth);
}

/** How a (merged) oauth block makes Connect run; unknown values read as the defaults, which the app's reader refuses anyway. */
export function oauthBehaviour(block: Block): OAuthBehaviour {
  return {
    name: typeof block.name === 'string' ? block.name : 'the OAuth provider',
    exchange: block.exchange === 'backend' ? 'backend' : 'view',
    clientAuth: block.clientAuth === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic',
    scopes: Array.isArray(block.scopes) ? block.scopes.filter((s): s is string => typeof s === 'string') : [],
  };
}

/**
 * The layer that points the app's provider (`base`, stripe-app.json's
 * constants.oauth) at the local one, for the exchange mode the merged
 * manifest ends up with (`behaviour`). A revocation or identity URL is
 * given only when the app declares one: a provider without revocation
 * (GitHub) runs without it locally too.
 */
export function localOAuthLayer(base: Block, behaviour: OAuthBehaviour, target: LocalOAuthTarget, appId: string): Block {
  const [test, live] = previewRedirectUris(target.previewOrigin, appId);
  return {
    authorizeUrl: `${target.issuer}/auth`,
    tokenUrl: `${target.issuer}/token`,
    ...(base.revocationUrl !== undefined ? {revocationUrl: `${target.issuer}/token/revocation`} : {}),
    ...(base.identityUrl !== undefined ? {identityUrl: `${target.issuer}/api/me`} : {}),
    clientId: behaviour.exchange === 'backend' ? CONFIDENTIAL_CLIENTS[behaviour.clientAuth] : PREVIEW_CLIENT_ID,
    redirectUris: {test, live},
  };
}

const SAME = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What stripe-app.local.json (`local`, its constants.oauth) changes against
 * stripe-app.json (`base`) that makes Connect run otherwise than it will in
 * the Dashboard, each with its fix. Endpoints, client id and return routes
 * are not listed: pointing them at the local provider is the local file's job.
 */
export function localDifferences(base: Block | null, local: Block | null): string[] {
  if (!base || !local) return [];
  const defaults = oauthBehaviour(base);
  const notes: string[] = [];
  const changed = (field: 'exchange' | 'clientAuth' | 'scopes', effect: string) => {
    if (local[field] === undefined || SAME(local[field], base[field] ?? defaults[field])) return;
    notes.push(
      `stripe-app.local.json sets constants.oauth.${field} to ${JSON.stringify(local[field])}, stripe-app.json ${base[field] === undefined ? `leaves the default ${JSON.stringify(defaults[field])}` : `says ${JSON.stringify(base[field])}`}: ${effect}. Remove it from stripe-app.local.json to run as the app ships.`,
    );
  };
  changed('exchange', 'locally the code is exchanged otherwise than in the Dashboard');
  changed('clientAuth', 'locally the backend sends its client secret otherwise than in production');
  changed('scopes', 'locally the sign-in asks for other scopes than in the Dashboard');
  return notes;
}
