/**
 * The Connections panel's routes in backend mode (a connection's exchange
 * "backend"): the backend is the OAuth client, and the view only ever gets a
 * summary back. Every route acts on the verified caller's own scope, for the
 * connection the body names (constants.connections[].id).
 *
 *   POST /v1/connection/exchange    {connection, code, verifier, redirect_uri, inputs?} → summary   (backend mode only; inputs: Shopify's shop)
 *   POST /v1/connection/refresh     {connection, when?: "due" | "now"}          → summary   ("due": only near expiry)
 *   POST /v1/connection/verify      {connection}                                → summary   (who is connected; renews on a refused token)
 *   POST /v1/connection/disconnect  {connection}                                → {revocation: "revoked" | "failed" | "not-supported", revoke_at?}
 *
 * Refresh, verify and disconnect also work in view mode (as the public
 * client), so a fork's backend can keep a view-made connection fresh under
 * the same lease.
 */
import {ConnectionGoneError, type ConnectionCore} from '../../src/connections/connectionCore';
import {modeOfRedirectUri} from '../../src/oauth';
import {forgetConnectedUser, rememberConnectedUser} from '../connectionRegistry';
import {readUserConnection} from '../credentials';
import {BackendError} from '../errors';
import {connectionFailure, oauthProvider, readBackendConnections, summaryAnswer, userConnection} from '../oauth/userConnection';
import type {RouteContext, RouteHandler} from './types';

/** An authorization code: opaque, but printable and of a sane length. */
const CODE = /^[\x21-\x7e]{1,2048}$/;
/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** Runs a route's work and turns what the connection core threw into the backend's refusals. */
const answering =
  (work: (context: RouteContext) => Promise<Record<string, unknown>>): RouteHandler =>
  (context) =>
    work(context).catch((e: unknown) => {
      throw connectionFailure(e);
    });

/** Who is connected is remembered for an uninstall; a failure here must not undo a connection or a disconnect. */
const bestEffort = (work: Promise<void>) => work.catch(() => undefined);

export const exchangeCode: RouteHandler = answering(async (context) => {
  const {body, config, secrets, caller} = context;
  const provider = oauthProvider(config, body.connection);
  if (provider.exchange !== 'backend') {
    throw new BackendError('oauth-not-configured', `Connection "${provider.id}" has no exchange "backend": the view exchanges its own codes.`);
  }
  if (typeof body.code !== 'string' || !CODE.test(body.code)) throw new BackendError('bad-request', 'code must be the authorization code the Dashboard handed back.');
  if (typeof body.verifier !== 'string' || !VERIFIER.test(body.verifier)) throw new BackendError('bad-request', 'verifier must be the PKCE verifier the Dashboard handed back.');
  // The provider only honours a code for the return route it was issued to, and that must be the manifest's own.
  const mode = modeOfRedirectUri(provider, body.redirect_uri);
  if (!mode) throw new BackendError('bad-request', 'redirect_uri is not one of the manifest\'s redirectUris.');
  // What the user gave before connecting (Shopify's shop): the core checks each against the preset's form.
  const inputs = body.inputs ?? {};
  if (!inputs || typeof inputs !== 'object' || Array.isArray(inputs) || !Object.values(inputs).every((v) => typeof v === 'string' && v.length <= 200)) {
    throw new BackendError('bad-request', 'inputs must be an object of short strings, as the panel recorded them.');
  }
  const summary = await userConnection(context, provider.id, {mode}).connect({code: body.code, verifier: body.verifier, inputs: inputs as Record<string, string>});
  await bestEffort(rememberConnectedUser(secrets.account, caller.userId));
  return summaryAnswer(summary, provider);
});

/** The caller's connection the body names, read once; a refusal when there is none. */
async function loaded(context: RouteContext): Promise<ConnectionCore> {
  const connection = userConnection(context, context.body.connection);
  if (!(await connection.load())) throw new ConnectionGoneError();
  return connection;
}

export const refreshConnection: RouteHandler = answering(async (context) => {
  const when = context.body.when ?? 'due';
  if (when !== 'due' && when !== 'now') throw new BackendError('bad-request', 'when must be "due" or "now".');
  const connection = await loaded(context);
  return summaryAnswer(await (when === 'now' ? connection.refresh() : connection.fresh()), oauthProvider(context.config, context.body.connection));
});

export const verifyConnection: RouteHandler = answering(async (context) =>
  summaryAnswer(await (await loaded(context)).verify(), oauthProvider(context.config, context.body.connection)),
);

export const disconnectConnection: RouteHandler = answering(async (context) => {
  const {revocation, revokeAt} = await userConnection(context, context.body.connection).disconnect();
  // The user stays on the uninstall list while any other connection of theirs is stored.
  await bestEffort(
    (async () => {
      for (const other of readBackendConnections(context.config).connections) {
        if (await readUserConnection(context.secrets.signedInUser, other.id)) return;
      }
      await forgetConnectedUser(context.secrets.account, context.caller.userId);
    })(),
  );
  return {revocation, ...(revokeAt ? {revoke_at: revokeAt} : {})};
});
