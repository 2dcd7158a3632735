/** What each personality's tests share: a provider, and ada's sign-in at a personality's /auth. */
import crypto from 'node:crypto';
import {startTestProvider, type TestProvider} from '../../src/testing/oauthProvider';
import {CONFIDENTIAL_CLIENTS, LOCAL_CLIENT_SECRET, PREVIEW_CLIENT_ID} from '../../src/oauth-provider/constants';

export const REDIRECT = 'http://127.0.0.1:9/back';
export {CONFIDENTIAL_CLIENTS, LOCAL_CLIENT_SECRET, PREVIEW_CLIENT_ID};

export const basic = (client: string, secret = LOCAL_CLIENT_SECRET) => `Basic ${Buffer.from(`${client}:${secret}`).toString('base64')}`;

export function startedProvider(scopes: string[]): () => TestProvider {
  let provider: TestProvider;
  beforeAll(async () => {
    provider = await startTestProvider({redirectUris: [REDIRECT], scopes});
  });
  afterAll(() => provider?.close());
  return () => provider;
}

/** A code for ada through /as/<name>/auth with these parameters, and its verifier. */
export async function signIn(provider: TestProvider, name: string, params: Record<string, string>): Promise<{code: string; verifier: string}> {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const url = new URL(`${provider.issuer}/as/${name}/auth`);
  url.search = new URLSearchParams({response_type: 'code', redirect_uri: REDIRECT, state: 's', code_challenge: challenge, code_challenge_method: 'S256', ...params}).toString();
  const back = await provider.authorize(url.toString());
  return {code: back.searchParams.get('code') ?? '', verifier};
}

/** A JSON answer's status, headers and body. */
export async function answer(response: Promise<Response>): Promise<{status: number; headers: Headers; body: Record<string, unknown>}> {
  const r = await response;
  const text = await r.text();
  return {status: r.status, headers: r.headers, body: (text ? JSON.parse(text) : null) as Record<string, unknown>};
}
