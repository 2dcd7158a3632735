/**
 * A real OAuth 2.0 authorization server for the offline preview and the tests:
 * `oidc-provider` (OpenID-certified), not a hand-written one, so codes are
 * single-use, PKCE is enforced, refresh tokens rotate and revocation revokes,
 * exactly as a careful third-party provider behaves.
 *
 * Endpoints (oidc-provider's defaults): /auth, /token, /token/revocation;
 * /interaction/<uid>, the provider's own login and consent pages (any user
 * name; interactions.ts); plus /api/me, a protected resource that says who a
 * token belongs to.
 *
 * Clients: PREVIEW_CLIENT_ID, public (the view exchanges its own codes), and
 * CONFIDENTIAL_CLIENTS for backend mode, which must authenticate with
 * LOCAL_CLIENT_SECRET (Basic or in the form) or get `invalid_client`.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import type {ServedRequest} from '../host/config';
// First: it gathers oidc-provider's expected development warnings, some printed as that module loads.
import {heldBackNotices} from './developmentNotices';
import {createMemoryAdapter} from './memoryAdapter';
import Provider, {type KoaContextWithOIDC} from 'oidc-provider';

import {interactionHandler, isInteractionPath} from './interactions';
import {DEFAULT_BRAND, errorPage} from './pages';
import {CONFIDENTIAL_CLIENTS, DEFAULT_PROVIDER_PORT, LOCAL_CLIENT_SECRET, PREVIEW_CLIENT_ID, PROVIDER_SCOPES} from './constants';
import {createHostGuard, quoteHost} from '../hostGuard';
import {isPersonalPath, isSelfCall, personalRoute, selfCallPersonality, type ProviderTools} from './personalRoutes';
import {PERSONALITIES} from './personalities';

export {DEFAULT_PROVIDER_PORT, PREVIEW_CLIENT_ID};

export interface OAuthProviderOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The Dashboard return routes this client may be sent back to (exact match). */
  redirectUris: string[];
  /** Seconds an access token lives (default one hour). */
  accessTokenTtl?: number;
  /** Seconds a refresh token lives (default 14 days). */
  refreshTokenTtl?: number;
  /** One line per grant, revocation or refusal; never a token or a code. */
  log?: (line: string) => void;
  /**
   * Each request a client made to the provider's API (token, revocation,
   * identity, metadata): method, path, status, time, nothing else. The sign-in
   * and consent pages a person walks through in the provider's tab are not
   * reported, nor a CORS preflight that succeeded.
   */
  onServed?: (served: ServedRequest) => void;
  /** What the consent page calls the client: the app's name (default "the app"). */
  clientName?: string;
  /** The provider it stands in for, as the app names it ("Acme"): the pages say "Acme (local stand-in)". */
  providerName?: string;
  /** The scopes a token may be granted: the app's (default PROVIDER_SCOPES, "read write"). */
  scopes?: readonly string[];
}

export interface RunningOAuthProvider {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

/** The provider's API, as clients call it; everything else it serves is a page for a person (sign-in, consent, errors). */
const CLIENT_ENDPOINTS = new Set(['/token', '/token/revocation', '/token/introspection', '/me', '/api/me', '/jwks', '/.well-known/openid-configuration']);

const CORS = {
  // The extension iframe is sandboxed: its requests come from Origin: null.
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization',
  'access-control-allow-methods': 'GET',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {'content-type': 'application/json', 'cache-control': 'no-store', ...CORS, ...headers});
  res.end(JSON.stringify(body));
}

export async function startOAuthProvider(options: OAuthProviderOptions): Promise<RunningOAuthProvider> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PROVIDER_PORT, host, () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;
  const resource = `${issuer}/api`;
  const clientName = options.clientName || 'the app';
  const scopes = options.scopes && options.scopes.length > 0 ? options.scopes.join(' ') : PROVIDER_SCOPES;
  const brand = options.providerName ? `${options.providerName} (local stand-in)` : DEFAULT_BRAND;

  // Its own storage, not oidc-provider's 1000-entry LRU, which dropped refresh tokens of a few hundred users (memoryAdapter.ts).
  const storage = createMemoryAdapter();
  const provider = new Provider(issuer, {
    adapter: storage.adapter,
    clients: [
      {
        client_id: PREVIEW_CLIENT_ID,
        // What the consent page calls the app.
        client_name: clientName,
        // A public client: the Dashboard view can keep no client secret.
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.redirectUris,
      },
      ...Object.entries(CONFIDENTIAL_CLIENTS).map(([method, clientId]) => ({
        client_id: clientId,
        client_name: clientName,
        client_secret: LOCAL_CLIENT_SECRET,
        token_endpoint_auth_method: method as keyof typeof CONFIDENTIAL_CLIENTS,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code' as const],
        redirect_uris: options.redirectUris,
      })),
    ],
    pkce: {required: () => true},
    // The default refuses `Origin: null`, which is every request from the view.
    clientBasedCORS: () => true,
    // Without this, refresh tokens come only with the `offline_access` scope.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Rotation, as careful providers do; a personality of a provider that does not rotate (Google) turns it off.
    rotateRefreshToken: (ctx) => {
      const personality = selfCallPersonality(ctx.req);
      return personality ? PERSONALITIES[personality].rotatesRefreshTokens !== false : true;
    },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 3600,
      RefreshToken: options.refreshTokenTtl ?? 14 * 24 * 3600,
      AuthorizationCode: 60,
      Grant: 14 * 24 * 3600,
      Interaction: 3600,
      Session: 24 * 3600,
    },
    // oidc-provider's default page fetches a web font, which fails offline, and looks like a developer tool.
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      ctx.body = errorPage({error: out.error, error_description: out.error_description}, brand);
    },
    features: {
      // The login and consent pages are this provider's own (interactions.ts), served at the default interactions.url.
      devInteractions: {enabled: false},
      revocation: {enabled: true},
      // Without resource indicators a custom scope ends in access_denied.
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({scope: scopes, audience: resource, accessTokenFormat: 'opaque'}),
      },
    },
    // Cookies sign the login session in the browser; nothing secret is at stake locally.
    cookies: {keys: ['keyring-preview-only']},
  });
  // Plain http on 127.0.0.1: oidc-provider only needs to be told not to expect a proxy.
  provider.proxy = false;

  // How each token or revocation request for a confidential client authenticated (the tests check the backend
  // sends its secret as configured). The public client's requests add no line, so its log reads as before.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.method !== 'POST' || (ctx.path !== '/token' && ctx.path !== '/token/revocation')) return;
    const auth = ctx.get('authorization') ? 'basic' : ctx.oidc?.params?.client_secret ? 'post' : 'none';
    const clientId = String(ctx.oidc?.params?.client_id ?? ctx.oidc?.client?.clientId ?? '');
    if (auth === 'none' && !Object.values<string>(CONFIDENTIAL_CLIENTS).includes(clientId)) return;
    log(`${ctx.path === '/token' ? 'token' : 'revocation'} request: client ${clientId || 'unknown'} auth ${auth} → ${ctx.status}`);
  });
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => log(`grant ${String(ctx.oidc.params?.grant_type)} ok`));
  provider.on('grant.error', (ctx: KoaContextWithOIDC, error: Error & {error_description?: string}) =>
    log(`grant ${String(ctx.oidc.params?.grant_type)} refused: ${error.message}${error.error_description ? ` (${error.error_description})` : ''}`),
  );
  provider.on('access_token.destroyed', () => log('access token revoked'));
  provider.on('refresh_token.destroyed', () => log('refresh token revoked'));
  provider.on('grant.revoked', () => log('grant revoked'));
  provider.on('authorization.error', (_ctx: KoaContextWithOIDC, error: Error) => log(`authorization refused: ${error.message}`));

  /** GET /api/me with a bearer token: who it belongs to, or 401. */
  const whoAmI = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      return res.end();
    }
    if (req.method !== 'GET') return sendJson(res, 405, {error: 'method_not_allowed'});
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ? await provider.AccessToken.find(bearer) : undefined;
    // find() tolerates clock skew; a resource server must also refuse expired tokens.
    if (!token || token.isExpired || token.aud !== resource) {
      return sendJson(res, 401, {error: 'invalid_token'}, {'www-authenticate': 'Bearer error="invalid_token"'});
    }
    log('api/me ok');
    return sendJson(res, 200, {sub: token.accountId, name: token.accountId, scope: token.scope ?? ''});
  };

  const tools: ProviderTools = {
    // For the personalities whose revocation carries no client authentication (Dropbox's bearer, HubSpot's DELETE).
    async revokeDirect(value) {
      const token = (await provider.AccessToken.find(value)) ?? (await provider.RefreshToken.find(value));
      if (!token || token.isExpired) return false;
      await token.destroy();
      const {grantId} = token;
      if (grantId) {
        await Promise.all([provider.AccessToken.revokeByGrantId(grantId), provider.RefreshToken.revokeByGrantId(grantId), provider.AuthorizationCode.revokeByGrantId(grantId)]);
        await (await provider.Grant.find(grantId))?.destroy();
        log('grant revoked');
      }
      return true;
    },
  };
  const callback = provider.callback();
  const interactions = interactionHandler(provider, options.redirectUris, brand);
  log(`local provider with development settings, as intended: in-memory grants, its own keys (${heldBackNotices()} oidc-provider notices about them held back)`);
  // A rebound name (see preview/hostGuard.ts) could walk the sign-in pages or read the token endpoint as a same-origin page.
  const hostGuard = createHostGuard(host, () => port);
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    if (!hostGuard.allows(req)) {
      log(`refused ${req.method ?? 'GET'} ${path.slice(0, 100)} for Host "${quoteHost(req)}": this provider answers only at ${hostGuard.describe()}`);
      return sendJson(res, 421, {error: 'misdirected_request', error_description: `This provider answers only at ${hostGuard.describe()}.`});
    }
    // The provider's calls to itself on a personality's behalf are the personality's request, reported once as that.
    if (options.onServed && (CLIENT_ENDPOINTS.has(path) || (isPersonalPath(path) && !path.endsWith('/auth'))) && !isSelfCall(req)) {
      const report = options.onServed;
      const started = performance.now();
      res.once('finish', () => {
        if (req.method === 'OPTIONS' && res.statusCode < 300) return;
        report({method: req.method ?? 'GET', path, status: res.statusCode, ms: performance.now() - started});
      });
    }
    if (isPersonalPath(path)) {
      personalRoute(req, res, issuer, CORS, tools).catch(() => {
        if (!res.headersSent) sendJson(res, 500, {error: 'server_error'});
      });
      return;
    }
    if (path === '/api/me') {
      whoAmI(req, res).catch(() => sendJson(res, 500, {error: 'server_error'}));
      return;
    }
    if (isInteractionPath(req.url)) {
      interactions(req, res);
      return;
    }
    void callback(req, res);
  });

  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
