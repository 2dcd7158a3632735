/**
 * The app's manifest as the preview sees it: stripe-app.json, overridden by
 * stripe-app.local.json when present ({"extends": "stripe-app.json", …}, the
 * convention of `stripe apps start --manifest`). Objects merge key by key;
 * anything else in the local file replaces the base value.
 */
import fs from 'node:fs';
import path from 'node:path';
import {remapLocalPorts, type LocalPorts} from './localPorts';
import {moveToStandIns} from './standIns';
import {localKeyCheckUrl} from '../key-services/server';
import {connectionBlocks, localDifferences, localOAuthLayer, localRedirectUris, oauthBehaviour, withKeyedConnections, type LocalOAuthTarget} from './localOAuth';

export interface Manifest {
  id: string;
  name: string;
  version: string;
  permissions: {permission: string; purpose: string}[];
  ui_extension: {
    views: {viewport: string; component: string}[];
    content_security_policy?: {'connect-src'?: string[]; 'image-src'?: string[]; purpose?: string};
  };
  constants?: Record<string, unknown> | null;
}

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

function merge(base: Json, override: Json): Json {
  if (base && override && typeof base === 'object' && typeof override === 'object' && !Array.isArray(base) && !Array.isArray(override)) {
    const out: {[key: string]: Json} = {...base};
    for (const [key, value] of Object.entries(override)) out[key] = key in base ? merge(base[key], value) : value;
    return out;
  }
  return override;
}

function connectSources(manifest: Json): string[] {
  const sources = (manifest as {ui_extension?: {content_security_policy?: {'connect-src'?: unknown}}} | null)?.ui_extension?.content_security_policy?.['connect-src'];
  return Array.isArray(sources) ? sources.filter((s): s is string => typeof s === 'string') : [];
}

function readJson(file: string): Json {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  } catch (e) {
    throw new Error(`${path.basename(file)} could not be read: ${(e as Error).message}`);
  }
}

/**
 * `localPorts`: the ports the local services run on, when not the defaults
 * stripe-app.local.json names; its URLs are read moved to them (localPorts.ts).
 * `localProvider`: the local OAuth provider and the preview, to point the
 * app's constants.connections at (localOAuth.ts), under the local file's layer.
 * `notices`: what the local file changes that makes the app run otherwise
 * than it ships, each with its fix, for the terminal.
 */
export function loadManifest(
  root: string,
  overrides?: Record<string, unknown>,
  options: {localPorts?: Partial<LocalPorts>; standIns?: readonly {standsInFor: string; url: string}[]; localProvider?: LocalOAuthTarget; keyServices?: string} = {},
): {manifest: Manifest; files: string[]; notices: string[]} {
  const baseFile = path.join(root, 'stripe-app.json');
  const localFile = path.join(root, 'stripe-app.local.json');
  const base = readJson(baseFile);
  // The third parties the app has stand-ins for are reached at the stand-ins: stripe-app.local.json need not say so.
  const moved = moveToStandIns(base, options.standIns ?? []);
  // The CSP entries so moved: kept even when the local file's connect-src replaces the list, as its views still call there.
  const baseSources = connectSources(base);
  const movedSources = connectSources(moved).filter((source) => !baseSources.includes(source));
  const files = [baseFile];
  const layers: Json[] = [];
  let localLayer: Json = null;
  if (fs.existsSync(localFile)) {
    const local = readJson(localFile);
    if (!local || typeof local !== 'object' || Array.isArray(local)) throw new Error('stripe-app.local.json must hold a JSON object.');
    const {extends: extendsName, ...layer} = local;
    if (extendsName !== undefined && extendsName !== 'stripe-app.json') {
      throw new Error(`stripe-app.local.json extends "${String(extendsName)}"; the preview only knows stripe-app.json.`);
    }
    localLayer = options.localPorts ? remapLocalPorts(layer, options.localPorts) : layer;
    layers.push(localLayer);
    files.push(localFile);
  }
  if (overrides) layers.push(overrides as Json);
  // Each layer over the one below; a layer's constants.connections keyed by id changes those connections only.
  const apply = (below: Json, layer: Json): Json => merge(below, withKeyedConnections(below, layer) as Json);
  // What the kit points at its own services goes under every layer, so stripe-app.local.json still wins.
  let under: Json = moved;
  const baseConnections = connectionBlocks(base);
  if (options.localProvider && baseConnections.length > 0) {
    // Each connection's exchange mode (and so its client) is the one the layers end up with; the local endpoints go under them.
    const target = options.localProvider;
    const layered = layers.reduce<Json>(apply, moved);
    const appId = String((layered as {id?: unknown}).id);
    const endsAs = new Map(connectionBlocks(layered).map((c) => [c.id as string, oauthBehaviour(c)]));
    const changes = Object.fromEntries(baseConnections.map((c) => [c.id as string, localOAuthLayer(c, endsAs.get(c.id as string) ?? oauthBehaviour(c), target, appId)]));
    under = apply(under, {constants: {redirectUris: localRedirectUris(target, appId), connections: changes}} as Json);
  }
  // A preset key slot's check goes to the kit's stand-in for that service.
  const keyChecks = options.keyServices ? localKeyChecks(base, options.keyServices) : null;
  if (keyChecks) under = apply(under, {constants: {keyChecks}} as Json);
  const merged = layers.reduce<Json>(apply, under);
  const notices = localDifferences(base, localLayer);
  const manifest = merged as unknown as Manifest;
  const csp = manifest.ui_extension?.content_security_policy;
  const missing = movedSources.filter((source) => !(csp?.['connect-src'] ?? []).includes(source));
  if (csp && missing.length > 0) csp['connect-src'] = [...(csp['connect-src'] ?? []), ...missing];
  if (typeof manifest.id !== 'string' || !Array.isArray(manifest.ui_extension?.views)) {
    throw new Error('stripe-app.json needs an id and ui_extension.views.');
  }
  return {manifest, files, notices};
}

/** The keyChecks changes that send each preset key slot of `base` the kit has a stand-in for to it, or null when none. */
function localKeyChecks(base: Json, url: string): Record<string, Json> | null {
  const slots = (base as {constants?: {keySlots?: unknown}} | null)?.constants?.keySlots;
  if (!Array.isArray(slots)) return null;
  const changes: Record<string, Json> = {};
  for (const slot of slots as {name?: unknown; preset?: unknown}[]) {
    const local = typeof slot?.preset === 'string' && typeof slot.name === 'string' ? localKeyCheckUrl(url, slot.preset) : null;
    if (local) changes[slot.name as string] = {url: local};
  }
  return Object.keys(changes).length > 0 ? changes : null;
}
