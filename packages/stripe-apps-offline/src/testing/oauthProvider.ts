/**
 * The local OAuth provider (preview/oauth-provider, oidc-provider) as a child
 * process — it is ESM-only, which jest's module system cannot load — plus a
 * browser-free walk through its login and consent pages, for tests that
 * render views with the SDK rather than in Chromium.
 */
import type {ChildProcess} from 'node:child_process';
import {localOAuthConstants, PREVIEW_CLIENT_ID} from '../oauth-provider/constants';
import {spawnCli, waitForReady} from './cliProcess';

export interface TestProvider {
  issuer: string;
  child: ChildProcess;
  /** The provider's log lines (grants, refusals, revocations; never a token). */
  lines(): string[];
  /** How many grants of this type succeeded so far. */
  grants(type: 'authorization_code' | 'refresh_token'): number;
  /** A connection (an entry of constants.connections, id "local" unless `overrides` says) at this provider, returning to `redirectUris`. */
  oauthConstants(redirectUris: {test: string; live: string}, overrides?: Record<string, unknown>): Record<string, unknown>;
  /**
   * Signs `login` in at an authorization URL and consents (or cancels), as a
   * person would in the provider's pages. Resolves to the URL the provider
   * sends the browser back to.
   */
  authorize(authorizeUrl: string, options?: {login?: string; cancel?: boolean}): Promise<URL>;
  /** POST /token with a form (the test acting as a client; the public one unless `as` says): status and JSON. */
  token(form: Record<string, string>, as?: ClientAs): Promise<{status: number; body: Record<string, unknown>}>;
  /** Every token and revocation request so far: which client, how it authenticated, and the answer's status. */
  clientRequests(): ClientRequest[];
  /** RFC 7009 revocation, as the client would (the public one unless `as` says). */
  revoke(token: string, hint: 'access_token' | 'refresh_token', as?: ClientAs): Promise<number>;
  /** GET /api/me with a bearer token: the status. */
  me(accessToken: string): Promise<number>;
  close(): Promise<void>;
}

const TEST_CLIENT_ID = PREVIEW_CLIENT_ID;

/** A client to act as: its id, and its secret sent as Basic, in the form, or not at all. */
export interface ClientAs {
  clientId: string;
  secret?: string;
  auth: 'basic' | 'post' | 'none';
}

export interface ClientRequest {
  endpoint: 'token' | 'revocation';
  client: string;
  auth: 'basic' | 'post' | 'none';
  status: number;
}

const CLIENT_REQUEST = /^(token|revocation) request: client (\S+) auth (basic|post|none) → (\d+)$/;

class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * `clientName`, `providerName`, `scopes`: what the provider calls the app and
 * itself and may grant (default: the app's in the kit's folder has none, so
 * "the app", "Local OAuth provider", "read write").
 */
export async function startTestProvider(options: {
  redirectUris: string[];
  accessTokenTtl?: number;
  clientName?: string;
  providerName?: string;
  scopes?: readonly string[];
}): Promise<TestProvider> {
  const started = spawnCli('src/oauth-provider/cli.ts', {
    PORT: '0',
    REDIRECT_URIS: options.redirectUris.join(','),
    ...(options.clientName ? {CLIENT_NAME: options.clientName} : {}),
    ...(options.providerName ? {PROVIDER_NAME: options.providerName} : {}),
    ...(options.scopes ? {SCOPES: options.scopes.join(' ')} : {}),
    ...(options.accessTokenTtl ? {ACCESS_TOKEN_TTL: String(options.accessTokenTtl)} : {}),
  });
  const {child, exited, output} = started;
  const issuer = (await waitForReady(started, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 'the OAuth provider'))[1];
  const lines = () => output().split('\n').filter(Boolean);

  const form = async (url: string, body: Record<string, string>, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {method: 'POST', headers: {...headers, 'content-type': 'application/x-www-form-urlencoded'}, body: new URLSearchParams(body).toString()});
    return {status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown>};
  };

  /** A form POST authenticated as `as` would send it: the secret as Basic, in the form, or not at all. */
  const asClient = (url: string, body: Record<string, string>, as: ClientAs = {clientId: TEST_CLIENT_ID, auth: 'none'}) => {
    if (as.auth === 'basic') return form(url, body, {authorization: `Basic ${btoa(`${as.clientId}:${as.secret ?? ''}`)}`});
    return form(url, {client_id: as.clientId, ...(as.auth === 'post' ? {client_secret: as.secret ?? ''} : {}), ...body});
  };

  return {
    issuer,
    child,
    lines,
    grants: (type) => lines().filter((l) => l === `grant ${type} ok`).length,
    oauthConstants: (redirectUris, overrides = {}) => ({...localOAuthConstants(issuer, redirectUris), ...overrides}),
    async authorize(authorizeUrl, {login = 'ada', cancel = false} = {}) {
      const jar = new CookieJar();
      let url = new URL(authorizeUrl);
      let method: 'GET' | 'POST' = 'GET';
      let body: string | undefined;
      for (let hop = 0; hop < 20; hop++) {
        const response = await fetch(url, {
          method,
          redirect: 'manual',
          headers: {cookie: jar.header(), ...(method === 'POST' ? {'content-type': 'application/x-www-form-urlencoded'} : {})},
          body,
        });
        jar.take(response);
        const location = response.headers.get('location');
        if (location) {
          url = new URL(location, url);
          if (url.origin !== issuer) return url;
          method = 'GET';
          body = undefined;
          continue;
        }
        const page = await response.text();
        const uid = /\/interaction\/([^/"?]+)/.exec(url.pathname)?.[1];
        if (response.status !== 200 || !uid) throw new Error(`unexpected provider page ${response.status} at ${url.pathname}: ${page.slice(0, 200)}`);
        // The login page posts to …/login; the consent page's Allow to …/confirm and Cancel to …/abort.
        const onLogin = page.includes('name="login"');
        method = 'POST';
        body = onLogin ? new URLSearchParams({login, password: 'any'}).toString() : '';
        url = new URL(`/interaction/${uid}/${onLogin ? 'login' : cancel ? 'abort' : 'confirm'}`, issuer);
      }
      throw new Error('too many redirects at the provider');
    },
    token: (body, as) => asClient(`${issuer}/token`, body, as),
    clientRequests: () =>
      lines().flatMap((line) => {
        const m = CLIENT_REQUEST.exec(line);
        return m ? [{endpoint: m[1] as ClientRequest['endpoint'], client: m[2], auth: m[3] as ClientRequest['auth'], status: Number(m[4])}] : [];
      }),
    revoke: async (token, hint, as) => (await asClient(`${issuer}/token/revocation`, {token, token_type_hint: hint}, as)).status,
    me: async (accessToken) => (await fetch(`${issuer}/api/me`, {headers: {authorization: `Bearer ${accessToken}`}})).status,
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
