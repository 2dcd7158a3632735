/**
 * The local OAuth provider on its own, for the tests (which run it as a child
 * process: oidc-provider is ESM-only) and for anyone who wants it without the
 * preview.
 *
 *   PORT               default 4320 (0: any free port)
 *   REDIRECT_URIS      comma-separated return routes the client may use
 *                      (default: the preview's on port 4300)
 *   ACCESS_TOKEN_TTL   seconds (default 3600)
 */
import path from 'node:path';
import {loadManifest} from '../server/manifest';
import {DEFAULT_PROVIDER_PORT, startOAuthProvider} from './provider';
import {previewRedirectUris} from './constants';

async function main(): Promise<void> {
  const root = path.resolve(process.env.APP_ROOT || process.cwd());
  const redirectUris = process.env.REDIRECT_URIS
    ? process.env.REDIRECT_URIS.split(',')
    : previewRedirectUris('http://127.0.0.1:4300', loadManifest(root).manifest.id);
  const port = process.env.PORT === undefined ? DEFAULT_PROVIDER_PORT : Number(process.env.PORT);
  try {
    const provider = await startOAuthProvider({
      host: process.env.HOST || '127.0.0.1',
      port,
      redirectUris,
      accessTokenTtl: process.env.ACCESS_TOKEN_TTL ? Number(process.env.ACCESS_TOKEN_TTL) : undefined,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`OAuth provider listening on ${provider.issuer}\n`);
    const stop = () => void provider.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(err.code === 'EADDRINUSE' ? `Port ${port} is already in use. Set PORT.\n` : `The OAuth provider could not start: ${err.message}\n`);
    process.exit(1);
  }
}

void main();
