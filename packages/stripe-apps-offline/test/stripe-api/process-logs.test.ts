/**
 * What `npm run stripe-api` prints for requests that end badly: a client
 * that hangs up halfway through its upload is logged as aborted (not as an
 * internal error) and the store carries on; a request under a foreign Host is
 * one log line naming the refusal.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import {killIfRunning} from '../../src/testing/cliProcess';
import {startSecretStoreProcess, type StoreProcess} from '../../src/testing/secretStoreProcess';

let dir: string;
let running: StoreProcess;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-logs-'));
  running = await startSecretStoreProcess({KEYRING_DATA: path.join(dir, 'data')});
});
afterAll(async () => {
  await killIfRunning(running);
  fs.rmSync(dir, {recursive: true, force: true});
});

/** Polls until `done` holds, at most `timeoutMs` (then the assertions after it report what is missing). */
async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

/** Sends raw bytes on a fresh connection; resolves with whatever came back once the socket closes. */
function sendRaw(bytes: string, hangUpAfterMs: number | null): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(running.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
    socket.write(bytes, () => {
      if (hangUpAfterMs !== null) setTimeout(() => socket.destroy(), hangUpAfterMs);
      else socket.end();
    });
  });
}

test('a client hanging up in the middle of its upload is logged as aborted, not as an internal error', async () => {
  const before = running.output().length;
  const partial = 'name=half&payload=SHOULD_NOT_BE_STORED&scope[type]=acc';
  await sendRaw(
    [
      'POST /v1/apps/secrets HTTP/1.1',
      `Host: 127.0.0.1:${running.port}`,
      'Authorization: Bearer sk_test_aborted',
      'Content-Type: application/x-www-form-urlencoded',
      'Content-Length: 5000',
      '',
      partial,
    ].join('\r\n'),
    100,
  );
  await until(() => /aborted/.test(running.output().slice(before)), 5000);
  const printed = running.output().slice(before);
  expect(printed.includes('internal error')).toBe(false);
  expect(printed.includes('SHOULD_NOT_BE_STORED')).toBe(false);
  expect(printed).toMatch(/POST \/v1\/apps\/secrets .*aborted/);

  // Still alive, and nothing of the half upload was stored.
  const stripe = new Stripe('sk_test_aborted', {host: '127.0.0.1', port: running.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false});
  await expect(stripe.apps.secrets.find({name: 'half', scope: {type: 'account'}})).rejects.toMatchObject({statusCode: 404});
  expect(running.child.exitCode).toBeNull();
});

test('a request under a foreign Host is refused with 421 and logged as one line', async () => {
  const before = running.output().length;
  const answer = await sendRaw(
    ['GET /v1/apps/secrets?scope[type]=account HTTP/1.1', `Host: rebind.test:${running.port}`, 'Authorization: Bearer sk_test_x', 'Connection: close', '', ''].join('\r\n'),
    null,
  );
  expect(answer.startsWith('HTTP/1.1 421')).toBe(true);
  await until(() => running.output().slice(before).includes('rebind.test'), 5000);
  // Lines of earlier requests may still be arriving: count the ones about this one.
  const lines = running.output().slice(before).trim().split('\n').filter((line) => line.includes('rebind.test') || line.includes(' 421 '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^GET \/v1\/apps\/secrets 421 .*refused Host "rebind\.test:\d+"/);
});
