/**
 * A request to the provider's API as the connected user, shaped as the
 * provider wants it: the access token in its header (Bearer, or Shopify's
 * X-Shopify-Access-Token), the headers every call carries (Notion-Version),
 * and a relative URL resolved against the API's base, which may be a field
 * kept from the sign-in (Salesforce's instance_url).
 */
import type {OAuthProviderConfig} from './providerConfig';
import {fillTemplate} from './template';

interface Caller {
  access_token: string;
  kept?: Record<string, string>;
}

/** The connection's API base with its kept fields filled in, or null when the provider has none. */
export function apiBaseOf(provider: OAuthProviderConfig, kept: Record<string, string> = {}): string | null {
  if (!provider.apiBase) return null;
  const {text, missing} = fillTemplate(provider.apiBase, kept);
  // A fork's code asked for a relative URL the stored connection cannot place: say which field is missing.
  if (missing.length > 0) throw new Error(`${provider.name}'s API base needs ${missing.join(', ')}, which this connection did not keep; connect again.`);
  return text;
}

/** The provider's API headers with their kept fields filled in; one whose field is not kept yet is left out. */
export function filledHeaders(provider: Pick<OAuthProviderConfig, 'apiHeaders'>, kept: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, template] of Object.entries(provider.apiHeaders ?? {})) {
    const {text, missing} = fillTemplate(template, kept);
    if (missing.length === 0) out[name] = text;
  }
  return out;
}

/** The URL and init for calling `url` as the user; a relative `url` needs the provider's apiBase. */
export function apiRequest(provider: OAuthProviderConfig, caller: Caller, url: string, init: RequestInit = {}): [string, RequestInit] {
  let target = url;
  if (!/^https?:\/\//.test(url)) {
    const base = apiBaseOf(provider, caller.kept);
    if (!base) throw new Error(`${provider.name} has no apiBase: give fetchAsUser a full URL.`);
    target = new URL(url.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).toString();
  }
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(filledHeaders(provider, caller.kept))) if (!headers.has(name)) headers.set(name, value);
  if (provider.tokenHeader) headers.set(provider.tokenHeader, caller.access_token);
  else headers.set('authorization', `Bearer ${caller.access_token}`);
  return [target, {...init, headers}];
}

/** The identity call's method, body and Accept, as the provider's quirks say. */
export function identityInit(provider: OAuthProviderConfig): RequestInit {
  const headers: Record<string, string> = {accept: 'application/json'};
  if (provider.identityMethod !== 'POST') return {headers};
  return {method: 'POST', headers: {...headers, 'content-type': 'application/json'}, body: JSON.stringify(provider.identityBody ?? null)};
}
