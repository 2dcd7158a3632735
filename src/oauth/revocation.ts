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

const STYLES: Record<RevocationStyle, {needsSecret: boolean; run(call: StyleCall): Promise<void>}> = {
  rfc7009: {
    needsSecret: false,
    async run({provider, tokens, fetch: fetchImpl, client}) {
      // The refresh token first: revoking it ends the grant at most providers. One that takes only one kind says which (Zoom's access token).
      if (tokens.refresh_token && provider.revokes !== 'access_token') await revokeToken(provider, tokens.refresh_token, 'refresh_token', fetchImpl, client);
      if (provider.revokes !== 'refresh_token' || !tokens.refresh_token) await revokeToken(provider, tokens.access_token, 'access_token', fetchImpl, client);
    },
  },
  json: {
    needsSecret: true,
    run: ({provider, tokens, fetch: fetchImpl, client}) =>
      send(fetchImpl, provider.revocationUrl, {
        method: 'POST',
        headers: {...filledHeaders(provider), authorization: basicAuthorization(provider.clientId, client?.secret ?? ''), 'content-type': 'application/json', accept: 'application/json'},
        body: JSON.stringify({token: provider.revokes === 'access_token' ? tokens.access_token : (tokens.refresh_token ?? tokens.access_token)}),
      }),
  },
  bearer: {
    needsSecret: false,
    run: ({provider, tokens, fetch: fetchImpl}) =>
      send(fetchImpl, provider.revocationUrl, {method: 'POST', headers: {...filledHeaders(provider), authorization: `Bearer ${tokens.access_token}`}}),
  },
  'grant-delete': {
    needsSecret: true,
    run: ({provider, tokens, fetch: fetchImpl, client}) =>
      send(fetchImpl, provider.revocationUrl.replace('{client_id}', encodeURIComponent(provider.clientId)), {
        method: 'DELETE',
        headers: {...filledHeaders(provider), authorization: basicAuthorization(provider.clientId, client?.secret ?? ''), 'content-type': 'application/json', accept: 'application/json'},
        body: JSON.stringify({access_token: tokens.access_token}),
      }),
  },
};

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
