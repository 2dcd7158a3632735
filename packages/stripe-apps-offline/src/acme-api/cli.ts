/**
 * The Acme stand-in on its own (`node --import tsx preview/acme-api/cli.ts`):
 * see standIn.ts for what it is and which keys it accepts.
 *
 *   ACME_PORT   default 4340 (stripe-app.local.json's keyChecks point there)
 */
import {DEFAULT_ACME_PORT, startAcmeStandIn} from './standIn';

async function main(): Promise<void> {
  const port = process.env.ACME_PORT === undefined ? DEFAULT_ACME_PORT : Number(process.env.ACME_PORT);
  try {
    const standIn = await startAcmeStandIn({port, log: (line) => process.stdout.write(`acme: ${line}\n`)});
    process.stdout.write(
      `Acme API stand-in listening on ${standIn.url}/v1/ping: accepts sk_test_/sk_live_ keys of 8+ letters or digits, refuses those starting sk_test_revoked / sk_live_revoked\n`,
    );
    const stop = () => void standIn.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(err.code === 'EADDRINUSE' ? `Port ${port} is already in use. Set ACME_PORT.\n` : `The Acme stand-in could not start: ${err.message}\n`);
    process.exit(1);
  }
}

void main();
