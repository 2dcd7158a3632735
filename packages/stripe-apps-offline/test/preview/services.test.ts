/**
 * The kit's services start in order and stop together: a start that fails
 * stops what already started, in reverse, so a failed `stripe-apps-offline`
 * leaves no process of its own behind.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import {startServices, type Service} from '../../src/server/services';
import {spawnCli} from '../../src/testing/cliProcess';
import {freePort} from '../../src/testing/kitCommand';

const service = (name: string, events: string[], fails = false): Service => ({
  name,
  port: 0,
  portVariable: `${name.toUpperCase()}_PORT`,
  start: async () => {
    if (fails) throw new Error(`${name} could not start`);
    events.push(`start ${name}`);
    return {url: `http://${name}`, info: `  ${name}`, stop: async () => void events.push(`stop ${name}`)};
  },
});

const context = {preview: null, recordServed: () => undefined, log: () => undefined};

test('services start in order and say where they are', async () => {
  const events: string[] = [];
  const started = await startServices([service('a', events), service('b', events)], context);
  expect(started.lines).toEqual(['  a', '  b']);
  await started.stop();
  expect(events).toEqual(['start a', 'start b', 'stop b', 'stop a']);
});

test('a service that fails to start stops the ones before it, in reverse, and its error is the one thrown', async () => {
  const events: string[] = [];
  await expect(startServices([service('a', events), service('b', events), service('c', events, true), service('d', events)], context)).rejects.toThrow('c could not start');
  expect(events).toEqual(['start a', 'start b', 'stop b', 'stop a']);
});

/** Pids of live processes whose environment carries `marker` (the kit hands its environment to the app's backend). */
function processesMarked(marker: string): number[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      return fs.readFileSync(path.join('/proc', entry, 'environ'), 'utf8').includes(marker) ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

test('the command, its backend port taken, exits 1 naming the ports, and leaves no process behind', async () => {
  const taken = net.createServer();
  const backendPort = await freePort();
  await new Promise<void>((resolve) => taken.listen(backendPort, '127.0.0.1', resolve));
  const marker = `KIT_TEST_${crypto.randomBytes(6).toString('hex')}`;
  try {
    const cli = spawnCli('src/server/cli.ts', {
      APP_ROOT: path.join(__dirname, '../fixtures/any-app'),
      PORT: String(await freePort()),
      STORE_PORT: String(await freePort()),
      OAUTH_PORT: String(await freePort()),
      ACME_PORT: String(await freePort()),
      KEYS_PORT: String(await freePort()),
      BACKEND_PORT: String(backendPort),
      KEYRING_DATA: ':memory:',
      [marker]: '1',
    });
    const {code} = await cli.exited;
    expect(code).toBe(1);
    expect(cli.output()).toContain(`A port is already in use (`);
    expect(cli.output()).toContain(`backend ${backendPort}`);
    // The fixture's backend had started before its port turned out to be taken: it is gone too.
    expect(cli.output()).toContain('fixture backend on');
    await new Promise((r) => setTimeout(r, 300));
    expect(processesMarked(marker)).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  }
}, 60_000);

test('free ports handed out for one command are never the same port twice, though the kernel reuses a just-closed one', async () => {
  // Linux gives a just-closed ephemeral port again a few times in a few hundred; the CI once started the backend and a stand-in on one port.
  const ports: number[] = [];
  for (let i = 0; i < 400; i++) ports.push(await freePort());
  expect(new Set(ports).size).toBe(ports.length);
});
