/**
 * The app's connections (`constants.connections`, the convention of apps
 * built on Keyring: a list of OAuth providers, each with an `id`) as the
 * preview runs them: the app's own provider settings from stripe-app.json,
 * with only what must reach the local provider changed (its endpoints, the
 * client it knows, the preview's return routes in `constants.redirectUris`).
 * Everything else (each provider's name, scopes, exchange mode, how a
 * confidential client authenticates, the refresh token's lifetime) stays the
 * app's, so `npm start` exercises the settings the app ships with, and
 * stripe-app.local.json need not repeat them.
 *
 * The layer goes between stripe-app.json and stripe-app.local.json, so the
 * local file (and a test's overrides) can still change any of it; a change
 * that alters behaviour is named at start-up (localDifferences). A layer may
 * give `constants.connections` as an object keyed by id, changing those
 * connections only ({"github": {"exchange": "view"}}); a list replaces the list.
 */
import {CONFIDENTIAL_CLIENTS, PREVIEW_CLIENT_ID, previewRedirectUris} from '../oauth-provider/constants';
import {PERSONALITIES, personalityPaths} from '../oauth-provider/personalities';
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

/** A manifest's (or one layer's) constants.connections as written: a list, an object keyed by id, or null. */
function connectionsValue(manifest: unknown): unknown {
  return asBlock(asBlock(manifest)?.constants)?.connections ?? null;
}

/** What a layer (a local file, overrides) says of connection `id`, given as a list or keyed by id; null when nothing. */
export function connectionInLayer(layer: unknown, id: string): Block | null {
  const value = connectionsValue(layer);
  if (Array.isArray(value)) return value.map(asBlock).find((b) => b?.id === id) ?? null;
  return value && typeof value === 'object' ? asBlock((value as Record<string, unknown>)[id]) : null;
}

/** The connections of a (merged) manifest, each an object with a string id. */
export function connectionBlocks(manifest: unknown): Block[] {
  const list = connectionsValue(manifest);
  return Array.isArray(list) ? list.map(asBlock).filter((b): b is Block => b !== null && typeof b.id === 'string') : [];
}

/**
 * `layer` with a keyed constants.connections ({id: changes}) turned into the
 * full list of `below` with those entries changed, so the kit's plain merge
 * (lists replace) can apply it. Ids that `below` lacks are ignored: a layer
 * changes connections, it does not declare them.
 */
export function withKeyedConnections(below: unknown, layer: unknown): unknown {
  const keyed = connectionsValue(layer);
  if (!keyed || typeof keyed !== 'object' || Array.isArray(keyed)) return layer;
  const changes = keyed as Record<string, unknown>;
  const list = connectionBlocks(below).map((entry) => {
    const change = asBlock(changes[entry.id as string]);
    return change ? {...entry, ...change} : entry;
  });
  const constants = asBlock(asBlock(layer)?.constants) ?? {};
  return {...(asBlock(layer) ?? {}), constants: {...constants, connections: list}};
}

/** How a (merged) connection makes Connect run; unknown values read as the defaults, which the app's reader refuses anyway. */
export function oauthBehaviour(block: Block): OAuthBehaviour {
  // A preset's defaults where the entry says nothing, as the app's preset of that provider has them.
  const defaults = personalityOf(block)?.defaults;
  const exchange = block.exchange ?? defaults?.exchange;
  const clientAuth = block.clientAuth ?? defaults?.clientAuth;
  const scopes = block.scopes ?? defaults?.scopes;
  return {
    name: typeof block.name === 'string' ? block.name : (defaults?.name ?? 'the OAuth provider'),
    exchange: exchange === 'backend' ? 'backend' : 'view',
    clientAuth: clientAuth === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic',
    scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
  };
}

/**
 * The changes that point one of the app's connections (`base`, its entry in
 * stripe-app.json) at the local provider, for the exchange mode the merged
 * manifest ends up with (`behaviour`). A revocation or identity URL is given
 * only when the app declares one: a provider without revocation (GitHub)
 * runs without it locally too. Return routes: see localRedirectUris.
 */
export function localOAuthLayer(base: Block, behaviour: OAuthBehaviour, target: LocalOAuthTarget, appId: string): Block {
  const client = behaviour.exchange === 'backend' ? CONFIDENTIAL_CLIENTS[behaviour.clientAuth] : PREVIEW_CLIENT_ID;
  // An entry with return routes of its own gets the preview's too; the others use constants.redirectUris.
  const returns = base.redirectUris !== undefined ? {redirectUris: localRedirectUris(target, appId)} : {};
  const personality = personalityOf(base);
  if (personality) {
    // The provider the preset names, as the local provider's personality of it answers (personalities/).
    const paths = personalityPaths(personality);
    return {
      authorizeUrl: `${target.issuer}${paths.authorize}`,
      tokenUrl: `${target.issuer}${paths.token}`,
      ...(personality.identity ? {identityUrl: `${target.issuer}${paths.user}`} : {}),
      ...(personality.revocation ? {revocationUrl: `${target.issuer}${paths.revoke}`} : {}),
      clientId: client,
      ...returns,
    };
  }
  // A preset the kit has no personality for: the standard endpoints, all of them (its real ones are the app's to know).
  const preset = base.preset !== undefined;
  return {
    authorizeUrl: `${target.issuer}/auth`,
    tokenUrl: `${target.issuer}/token`,
    ...(preset || base.revocationUrl !== undefined ? {revocationUrl: `${target.issuer}/token/revocation`} : {}),
    ...(preset || base.identityUrl !== undefined ? {identityUrl: `${target.issuer}/api/me`} : {}),
    clientId: client,
    ...returns,
  };
}

/** The personality for a connection's preset, when the local provider has one. */
export function personalityOf(entry: Block) {
  const preset = entry.preset;
  return typeof preset === 'string' && Object.hasOwn(PERSONALITIES, preset) ? PERSONALITIES[preset] : undefined;
}

/** The preview's return routes for the app (constants.redirectUris, shared by every connection). */
export function localRedirectUris(target: LocalOAuthTarget, appId: string): {test: string; live: string} {
  const [test, live] = previewRedirectUris(target.previewOrigin, appId);
  return {test, live};
}

const SAME = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What stripe-app.local.json (`local`, the layer as written) changes in a
 * connection of stripe-app.json (`base`) that makes Connect run otherwise
 * than it will in the Dashboard, each with its fix. Endpoints, client id and
 * return routes are not listed: pointing them at the local provider is the
 * local file's job.
 */
export function localDifferences(base: unknown, local: unknown): string[] {
  const notes: string[] = connectionBlocks(base)
    .filter((entry) => entry.preset !== undefined && !personalityOf(entry))
    .map(
      (entry) =>
        `connection "${String(entry.id)}" uses the preset "${String(entry.preset).slice(0, 40)}", which the local provider has no personality for (it has: ${Object.keys(PERSONALITIES).join(', ')}): locally it answers as a standard OAuth provider, not as that one.`,
    );
  for (const entry of connectionBlocks(base)) {
    const id = entry.id as string;
    const change = connectionInLayer(local, id);
    if (!change) continue;
    const defaults = oauthBehaviour(entry);
    const changed = (field: 'exchange' | 'clientAuth' | 'scopes', effect: string) => {
      if (change[field] === undefined || SAME(change[field], entry[field] ?? defaults[field])) return;
      notes.push(
        `stripe-app.local.json sets the ${field} of connection "${id}" to ${JSON.stringify(change[field])}, stripe-app.json ${entry[field] === undefined ? `leaves the default ${JSON.stringify(defaults[field])}` : `says ${JSON.stringify(entry[field])}`}: ${effect}. Remove it from stripe-app.local.json to run as the app ships.`,
      );
    };
    changed('exchange', 'locally the code is exchanged otherwise than in the Dashboard');
    changed('clientAuth', 'locally the backend sends its client secret otherwise than in production');
    changed('scopes', 'locally the sign-in asks for other scopes than in the Dashboard');
  }
  return notes;
}
