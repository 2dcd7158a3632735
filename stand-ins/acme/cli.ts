/**
 * The Acme stand-in as a process: what the kit runs for `npm start` (declared
 * in package.json's "stripe-apps-offline".standIns.acme), or on its own with
 * `npm run stand-in:acme`. See standIn.ts for which keys it accepts.
 *
 *   HOST, PORT   where to listen (the kit passes both; default 127.0.0.1:4340)
 */
import {DEFAULT_ACME_PORT, startAcmeStandIn} from './standIn';

async function main(): Promise<void> {
  const port = process.env.PORT === undefined ? DEFAULT_ACME_PORT : Number(process.env.PORT);
  try {
    const standIn = await startAcmeStandIn({port, host: process.env.HOST || '127.0.0.1', log: (line) => process.stdout.write(`${line}\n`)});
    process.stdout.write(`listening on ${standIn.url}/v1/ping: accepts sk_test_/sk_live_ keys of 8+ letters or digits, refuses those starting sk_test_revoked / sk_live_revoked\n`);
    const stop = () => void standIn.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(err.code === 'EADDRINUSE' ? `Port ${port} is already in use. Set PORT.\n` : `The Acme stand-in could not start: ${err.message}\n`);
    process.exit(1);
  }
}

void main();
