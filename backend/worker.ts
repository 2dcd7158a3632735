/**
 * The backend on Cloudflare Workers: the same Hono app as on Node (app.ts),
 * built for the `workerd` condition, so stripe-node is its worker build (fetch
 * for HTTP, SubtleCrypto for the signatures). Configured from the Worker's
 * bindings (config.ts has every variable; set the secrets with `wrangler
 * secret put`) and the manifest bundled at build time, since a Worker has no
 * files. Needs Node.js compatibility (on by default from compatibility date
 * 2026-08-04; wrangler.toml): observability.ts ties each log line to its
 * request with AsyncLocalStorage.
 *
 * What Node's server.ts does and a Worker does not: listening, and draining
 * on SIGTERM (the platform routes around an isolate it retires). /healthz and
 * /readyz answer as on Node.
 */
import type {ExecutionContext, Hono} from 'hono';
import {createApp, deployedHooks} from './app';
import {ConfigError, configFromEnv, manifestConstants, type Env} from './config';
import {BackendError, toErrorResponse} from './errors';
import {logError, requestLogLine} from './observability';
import {createStripe} from './secrets';

export interface KeyringWorker {
  fetch(request: Request, env: Env, ctx?: ExecutionContext): Promise<Response>;
}

/** The Worker for the app whose stripe-app.json is `manifest` (worker.entry.ts passes the app's own). */
export function workerFor(manifest: unknown): KeyringWorker {
  const constants = manifestConstants(manifest);
  // Bindings are fixed for an isolate's life (a change deploys a new one), so the app is built on its first request.
  let built: Hono | ConfigError | null = null;
  const build = (env: Env): Hono | ConfigError => {
    try {
      const config = configFromEnv(env, constants);
      return createApp(config, createStripe(config), {
        log: (entry) => console.log(requestLogLine(entry)),
        ...deployedHooks(config),
      });
    } catch (e) {
      if (e instanceof ConfigError) return e;
      throw e;
    }
  };
  return {
    async fetch(request, env, ctx) {
      built ??= build(env);
      if (!(built instanceof ConfigError)) return built.fetch(request, env, ctx);
      // The variable is named, never its value; the same words go to the Worker's log for whoever deploys it.
      logError({msg: `configuration: ${built.message}`, variable: built.variable});
      const {status, body} = toErrorResponse(new BackendError('misconfigured', `The app backend is not configured: ${built.message}`));
      return Response.json(body, {status});
    },
  };
}
