/**
 * backend/Dockerfile played without Docker (no daemon runs here): its build
 * step, then its final stage's files, environment and command in an empty
 * folder standing for /app, with no node_modules anywhere above it. So the
 * one-file bundle must carry everything it needs, read the manifest where the
 * recipe puts it, answer health and a signed call against the local Secret
 * Store, and drain on SIGTERM. What this cannot show: the base image, the
 * non-root user, and the port mapping.
 */
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {signForView, startTestStore, type TestSecretStore} from 'stripe-apps-offline/testing';
import {ROOT, startBackendProcess} from '../support/backendProcess';

jest.setTimeout(60_000);

const SIGNING_SECRET = 'absec_containerRecipe';

interface FinalStage {
  env: Record<string, string>;
  /** [from the repository or the build stage, to the image] */
  copies: [string, string][];
  cmd: string[];
  workdir: string;
}

/** The Dockerfile's last stage, as Docker would read its ENV (k=v pairs), COPY, WORKDIR and exec-form CMD. */
function finalStage(dockerfile: string): {buildRuns: string[]; stage: FinalStage} {
  const lines = dockerfile.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  const stages: string[][] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) stages.push([]);
    stages.at(-1)?.push(line);
  }
  const buildRuns = (stages[0] ?? []).filter((l) => /^RUN\s/.test(l)).map((l) => l.replace(/^RUN\s+/, ''));
  const stage: FinalStage = {env: {}, copies: [], cmd: [], workdir: '/'};
  for (const line of stages.at(-1) ?? []) {
    const [instruction, ...rest] = line.trim().split(/\s+/);
    if (instruction === 'ENV') for (const pair of rest) stage.env[pair.split('=')[0]] = pair.slice(pair.indexOf('=') + 1);
    if (instruction === 'WORKDIR') stage.workdir = rest[0];
    if (instruction === 'COPY') {
      const args = rest.filter((a) => !a.startsWith('--'));
      stage.copies.push([args[0], args[1]]);
    }
    if (instruction === 'CMD') stage.cmd = JSON.parse(rest.join(' ')) as string[];
  }
  return {buildRuns, stage};
}

let store: TestSecretStore;
let app: string;
beforeAll(async () => {
  store = await startTestStore();
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-container-'));
});
afterAll(async () => {
  await store?.close();
  fs.rmSync(app, {recursive: true, force: true});
});

test("the recipe's bundle runs alone: health, readiness and a signed call answered, then SIGTERM drains and exits 0", async () => {
  const {buildRuns, stage} = finalStage(fs.readFileSync(path.join(ROOT, 'backend/Dockerfile'), 'utf8'));
  // The build stage installs (this checkout already has) and then bundles: the bundling is run here as written.
  expect(buildRuns.at(-1)).toBe('npm run build:backend');
  await promisify(execFile)('npm', ['run', 'build:backend', '--silent'], {cwd: ROOT});

  // The image's files, with "/app" standing for this folder: the build stage's output and the repository's manifest.
  const inImage = (file: string) => path.join(app, path.posix.relative(stage.workdir, path.posix.resolve(stage.workdir, file)));
  for (const [from, to] of stage.copies) fs.copyFileSync(path.join(ROOT, from.replace(/^\/app\//, '')), inImage(to));
  expect(fs.readdirSync(app).sort()).toEqual(['index.js', 'stripe-app.json']);

  const env = Object.fromEntries(Object.entries(stage.env).map(([k, v]) => [k, v.startsWith(`${stage.workdir}/`) ? inImage(v) : v]));
  expect(env).toMatchObject({NODE_ENV: 'production', HOST: '0.0.0.0'});
  const running = await startBackendProcess(
    {
      PATH: process.env.PATH,
      ...env,
      // A container listens on every interface behind its port mapping; here, loopback only on a free port.
      HOST: '127.0.0.1',
      BACKEND_PORT: '0',
      STRIPE_SECRET_KEY: 'sk_test_containerRecipe',
      STRIPE_APP_SIGNING_SECRET: SIGNING_SECRET,
      STRIPE_WEBHOOK_SECRET: 'whsec_containerRecipe',
      STRIPE_API_BASE: store.url,
    },
    {command: stage.cmd.map((part, i) => (i === 0 && part === 'node' ? process.execPath : part)), cwd: app},
  );
  try {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    const who = {user: 'usr_ContainerAda', account: 'acct_1ContainerTest1'};
    const answer = await fetch(`${running.url}/v1/connection/status`, {
      method: 'POST',
      headers: {'content-type': 'application/json', 'stripe-signature': signForView(who, undefined, SIGNING_SECRET).header},
      body: JSON.stringify({connection: 'acme', user_id: who.user, account_id: who.account}),
    });
    expect([answer.status, await answer.json()]).toEqual([200, expect.objectContaining({connected: false})]);
  } finally {
    running.child.kill('SIGTERM');
  }
  expect(await running.exited).toBe(0);
  const printed = running.output().trim().split('\n').map((l) => JSON.parse(l) as {msg: string});
  expect(printed.at(-1)?.msg).toBe('stopped: every request in flight was answered');
  expect(running.output()).not.toContain(SIGNING_SECRET);
});
