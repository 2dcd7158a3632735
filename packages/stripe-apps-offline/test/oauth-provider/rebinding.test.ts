/**
 * DNS rebinding against the local OAuth provider: a page on
 * `http://rebind.test:PORT` whose name resolves to 127.0.0.1 reaches the
 * provider's socket with `Host: rebind.test:PORT`. The provider serves sign-in
 * pages and a token endpoint for the preview's clients, so like the preview and
 * the Secret Store it answers only the names it is reached by, and refuses the
 * rest with 421 before oidc-provider sees the request.
 */
import http from 'node:http';
import {startTestProvider, type TestProvider} from '../../src/testing/oauthProvider';

let provider: TestProvider;
let port: number;

beforeAll(async () => {
  provider = await startTestProvider({redirectUris: ['http://127.0.0.1:4300/test/apps-oauth/com.example.keyring']});
  port = Number(new URL(provider.issuer).port);
});
afterAll(() => provider.close());

/** node:http with the Host header set by hand, as a rebound page's requests arrive. */
function get(host: string, path: string): Promise<{status: number; text: string}> {
  return new Promise((resolve, reject) => {
    const req = http.request({host: '127.0.0.1', port, method: 'GET', path, headers: {host}}, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8')}));
    });
    req.on('error', reject);
    req.end();
  });
}

const paths = ['/.well-known/openid-configuration', '/auth?client_id=keyring-preview&response_type=code', '/api/me', '/jwks'];

test.each(paths)('a request for %s naming another host gets 421 and nothing of the provider', async (path) => {
  const answer = await get(`rebind.test:${port}`, path);
  expect(answer.status).toBe(421);
  expect(answer.text).not.toContain('token_endpoint');
  expect(answer.text).not.toContain('keys');
  expect(provider.lines().some((line) => line.includes('rebind.test'))).toBe(true);
});

test.each(['127.0.0.1', 'localhost'])('the names the provider is reached by (%s) still answer', async (name) => {
  const answer = await get(`${name}:${port}`, '/.well-known/openid-configuration');
  expect(answer.status).toBe(200);
  expect(answer.text).toContain('token_endpoint');
});
