/**
 * Revoking a connection's tokens at the provider, in the style its preset
 * names (providerQuirks' RevocationStyle): one function per style, one table
 * that wires them. Each resolves when the provider confirmed and throws
 * otherwise; `revoke` turns that into what the panel says.
 */
import {filledHeaders} from './apiRequest';
import {ProviderError} from './providerErrors';
import type {OAuthProviderConfig} from './providerConfig';
import type {RevocationStyle} from './providerQuirks';
import {basicAuthorization, judge, revokeToken, type ClientCredentials} from './tokenEndpoint';

export type Revocation = 'revoked' | 'failed' | 'not-supported';

interface Held {
  access_token: string;
  refresh_token: string | null;
}

interface StyleCall {
  provider: OAuthProviderConfig & {revocationUrl: string};
  tokens: Held;
  fetch: typeof fetch;
  client: ClientCredentials | null;
}

async function send(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch {
    throw new ProviderError('network');
  }
  // Some answer 204 or 200 with no body: only the status and an error in a body count.
  if (response.status === 204) return;
  await judge(response);
}

/** The headers of the styles that authenticate the client with Basic whatever its method, and send JSON (Intuit's, Notion's, GitHub's). */
const basicJson = ({provider, client}: StyleCall) => ({
  ...filledHeaders(provider),
  authorization: basicAuthorization(provider.clientId, client?.secret ?? ''),
  'content-type': 'application/json',
  accept: 'application/json',
});

/**
 * Each style: whether it needs the client secret (so only the backend can),
 * whether the access token itself authenticates it (so an expired one must be
 * renewed first), and the request.
 */
const STYLES: Record<RevocationStyle, {needsSecret: boolean; bearsAccessToken: boolean; run(call: StyleCall): Promise<void>}> = {
  rfc7009: {
    needsSecret: false,
    bearsAccessToken: false,
    async run({provider, tokens, fetch: fetchImpl, client}) {
      // The refresh token first: revoking it ends the grant at most providers. One that takes only one kind says which (Zoom's access token).
      if (tokens.refresh_token && provider.revokes !== 'access_token') await revokeToken(provider, tokens.refresh_token, 'refresh_token', fetchImpl, client);
      if (provider.revokes !== 'refresh_token' || !tokens.refresh_token) await revokeToken(provider, tokens.access_token, 'access_token', fetchImpl, client);
    },
  },
  json: {
    needsSecret: true,
    bearsAccessToken: false,
    run: (call) =>
      send(call.fetch, call.provider.revocationUrl, {
        method: 'POST',
        headers: basicJson(call),
        body: JSON.stringify({token: call.provider.revokes === 'access_token' ? call.tokens.access_token : (call.tokens.refresh_token ?? call.tokens.access_token)}),
      }),
  },
  bearer: {
    needsSecret: false,
    bearsAccessToken: true,
    run: ({provider, tokens, fetch: fetchImpl}) =>
      send(fetchImpl, provider.revocationUrl, {method: 'POST', headers: {...filledHeaders(provider), authorization: `Bearer ${tokens.access_token}`}}),
  },
  'grant-delete': {
    needsSecret: true,
    bearsAccessToken: false,
    // The URL names the client already: the manifest reader fills the preset's {client_id}.
    run: (call) => send(call.fetch, call.provider.revocationUrl, {method: 'DELETE', headers: basicJson(call), body: JSON.stringify({access_token: call.tokens.access_token})}),
  },
};

/** Whether revoking is authenticated by the access token itself (Dropbox's), so that an expired one revokes nothing. */
export const revocationBearsAccessToken = (provider: OAuthProviderConfig) => STYLES[provider.revocationStyle ?? 'rfc7009'].bearsAccessToken;

/**
 * Revokes a connection's tokens as its provider takes it; never throws. A
 * provider with no revocation, or one that wants the client secret where
 * there is none (a view), is 'not-supported': the panel then says where the
 * user revokes.
 */
export async function revoke(provider: OAuthProviderConfig, tokens: Held, options: {fetch?: typeof fetch; client?: ClientCredentials | null} = {}): Promise<Revocation> {
  const {revocationUrl} = provider;
  if (!revocationUrl) return 'not-supported';
  const style = STYLES[provider.revocationStyle ?? 'rfc7009'];
  const client = options.client ?? null;
  if (style.needsSecret && !client) return 'not-supported';
  try {
    await style.run({provider: {...provider, revocationUrl}, tokens, fetch: options.fetch ?? fetch, client});
    return 'revoked';
  } catch {
    return 'failed';
  }
}
