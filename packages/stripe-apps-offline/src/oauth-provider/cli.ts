/**
 * The local OAuth provider on its own, for the tests (which run it as a child
 * process: oidc-provider is ESM-only) and for anyone who wants it without the
 * preview.
 *
 *   PORT               default 4320 (0: any free port)
 *   REDIRECT_URIS      comma-separated return routes the client may use
 *                      (default: the preview's on port 4300)
 *   ACCESS_TOKEN_TTL   seconds (default 3600)
 *   CLIENT_NAME        what the consent page calls the app (default: stripe-app.json's name)
 *   PROVIDER_NAME      the provider it stands in for (default: the names of stripe-app.json's constants.connections)
 *   SCOPES             space-separated scopes a token may have (default: every connection's scopes, else "read write")
 */
import fs from 'node:fs';
import path from 'node:path';
import {loadManifest, type Manifest} from '../server/manifest';
import {connectionBlocks, oauthBehaviour} from '../server/localOAuth';
import {providerIdentity} from './constants';
import {DEFAULT_PROVIDER_PORT, startOAuthProvider} from './provider';
import {previewRedirectUris} from './constants';

async function main(): Promise<void> {
  const root = path.resolve(process.env.APP_ROOT || process.cwd());
  // The app's manifest, when there is one: run alone elsewhere, the provider needs only its variables.
  const manifest: Manifest | null = fs.existsSync(path.join(root, 'stripe-app.json')) ? loadManifest(root).manifest : null;
  const identity = providerIdentity(connectionBlocks(manifest).map(oauthBehaviour));
  const redirectUris = process.env.REDIRECT_URIS
    ? process.env.REDIRECT_URIS.split(',')
    : manifest
      ? previewRedirectUris('http://127.0.0.1:4300', manifest.id)
      : [];
  if (redirectUris.length === 0) {
    process.stderr.write(`No stripe-app.json in ${root}: set REDIRECT_URIS (or APP_ROOT) so the provider knows where to send the browser back.\n`);
    process.exit(2);
  }
  const port = process.env.PORT === undefined ? DEFAULT_PROVIDER_PORT : Number(process.env.PORT);
  try {
    const provider = await startOAuthProvider({
      host: process.env.HOST || '127.0.0.1',
      port,
      redirectUris,
      accessTokenTtl: process.env.ACCESS_TOKEN_TTL ? Number(process.env.ACCESS_TOKEN_TTL) : undefined,
      log: (line) => process.stdout.write(`${line}\n`),
      clientName: process.env.CLIENT_NAME || manifest?.name,
      providerName: process.env.PROVIDER_NAME || identity.providerName,
      scopes: process.env.SCOPES ? process.env.SCOPES.split(' ').filter(Boolean) : identity.scopes,
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
