/**
 * The backend reads at most MAX_BODY_BYTES of any request, signed or not,
 * declared or chunked: past the limit it stops reading and answers 413, so an
 * unsigned stream cannot make it hold more than the limit in memory. Run on
 * Node and, as the jest project "backend on workerd", as a Worker.
 */
import http from 'node:http';
import {MAX_BODY_BYTES, type BackendLogEntry} from '../../backend/app';
import type {RunningBackend} from '../../backend/server';
import {BACKEND_RUNTIME, startBackendUnderTest} from '../support/backendUnderTest';
import {startTestStore, TEST_KEY, type TestSecretStore} from 'stripe-apps-offline/testing';

let store: TestSecretStore;
let backend: RunningBackend;
const logs: BackendLogEntry[] = [];

beforeAll(async () => {
  store = await startTestStore();
  backend = await startBackendUnderTest({
    secretKey: TEST_KEY,
    signingSecrets: ['absec_bodyLimitTests'],
    webhookSecrets: ['whsec_bodyLimitTests'],
    apiBase: new URL(store.url),
    host: '127.0.0.1',
    port: 0,
    constants: {},
  }, {log: (entry) => logs.push(entry)});
});

afterAll(async () => {
  await backend?.close();
  await store?.close();
});

interface Streamed {
  status: number | 'connection closed';
  body: string;
  /** How much of the body had been sent when the answer (or the hang-up) came. */
  sentBytes: number;
}

/** Sends 64 KB chunks with no Content-Length (chunked) until the server answers or hangs up, or `maxBytes` have gone. */
function streamBody(path: string, maxBytes: number): Promise<Streamed> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    let done = false;
    const finish = (result: Streamed) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve(result);
    };
    const req = http.request(`${backend.url}${path}`, {method: 'POST', headers: {'content-type': 'application/json', 'transfer-encoding': 'chunked'}}, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => finish({status: res.statusCode ?? 0, body, sentBytes: sent}));
    });
    req.on('error', () => finish({status: 'connection closed', body: '', sentBytes: sent}));
    const pump = () => {
      while (!done && sent < maxBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

test.each(['/v1/connection/status', '/v1/webhooks/stripe'])('an unsigned chunked body past the limit to %s is answered 413 before it is all sent', async (path) => {
  logs.length = 0;
  const answer = await streamBody(path, 64 * 1024 * 1024);
  // It stopped reading near the limit: far less than the 64 MB the client had to send had gone.
  expect(answer.sentBytes).toBeLessThan(16 * 1024 * 1024);
  // The backend answered 413 (its own log line says so, on either runtime).
  await new Promise((r) => setTimeout(r, 100));
  expect(logs.map(({path: p, status}) => ({path: p, status}))).toEqual([{path, status: 413}]);
  // Node's server gets the answer to a client still sending. workerd's HTTP server closes such a connection once
  // the Worker has answered, without reading the rest, and a client still writing may see that close before the
  // answer (EPIPE): the connection's end is the runtime's, not the backend's. On Cloudflare its edge, not workerd's
  // socket, speaks to the client (not verified here).
  if (BACKEND_RUNTIME === 'node' || answer.status !== 'connection closed') {
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({error: {type: 'too-large', message: `The body is over ${MAX_BODY_BYTES} bytes.`}});
  }
});

test('a declared Content-Length past the limit is answered 413 without reading the body', async () => {
  const answer = await new Promise<{status: number; body: string}>((resolve, reject) => {
    const req = http.request(`${backend.url}/v1/connection/status`, {method: 'POST', headers: {'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1)}}, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({status: res.statusCode ?? 0, body}));
    });
    req.on('error', reject);
    // Nothing of the body is sent: the answer comes from the header alone.
    req.flushHeaders();
  });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body).error.type).toBe('too-large');
});

test('a body within the limit is read whole (and, unsigned, refused as such)', async () => {
  const answer = await fetch(`${backend.url}/v1/connection/status`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({pad: 'a'.repeat(MAX_BODY_BYTES - 100)})});
  expect(answer.status).toBe(401);
  expect(((await answer.json()) as {error: {type: string}}).error.type).toBe('unsigned');
});
