/**
 * The local provider's /as/<personality>/… routes (personalities/): each is
 * the standard endpoint underneath, called over HTTP on the provider itself
 * (so oidc-provider checks the code, the PKCE verifier and the client as for
 * any request), with the answer reshaped the way that provider shapes it.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import {readBody} from '../requestBody';
import {CONFIDENTIAL_CLIENTS} from './constants';
import {PERSONALITIES, personalityPaths} from './personalities';
import type {Personality, PersonalAnswer, StandardAnswer} from './personalities/types';

const MAX_FORM_BYTES = 64 * 1024;
/** Marks the provider's calls to itself, so the request log shows the personality's request once, not twice. */
export const SELF_CALL_HEADER = 'x-local-provider-self-call';
const SELF_CALL = crypto.randomBytes(16).toString('hex');

export const isSelfCall = (req: http.IncomingMessage) => req.headers[SELF_CALL_HEADER] === SELF_CALL;

/** The personality a call to itself was made for (trusted only with the self-call mark), or null. */
export function selfCallPersonality(req: http.IncomingMessage): string | null {
  if (!isSelfCall(req)) return null;
  const name = String(req.headers[PERSONALITY_HEADER] ?? '');
  return Object.hasOwn(PERSONALITIES, name) ? name : null;
}
const PERSONALITY_HEADER = 'x-local-provider-personality';

/** Whether `path` is one of a personality's (the request log reports them as the provider's API). */
export function isPersonalPath(path: string): boolean {
  return /^\/as\/[a-z0-9_-]{1,40}\//.test(path);
}

function send(res: http.ServerResponse, answer: PersonalAnswer, cors: Record<string, string>): void {
  res.writeHead(answer.status, {...cors, ...answer.headers});
  res.end(answer.body);
}

async function standard(response: Response): Promise<StandardAnswer> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return {status: response.status, body: body && typeof body === 'object' ? body : {}};
}

/** The provider's own powers a personality needs beyond its HTTP endpoints. */
export interface ProviderTools {
  /** Revokes the token with this value and its whole grant, as the standard revocation would; false when no such live token (Dropbox's bearer revocation carries no client). */
  revokeDirect(token: string): Promise<boolean>;
}

/** A body as that provider sends it (JSON or a form), as the form the standard endpoints take. */
function asForm(body: string, contentType: string): URLSearchParams {
  if (!/application\/json/i.test(contentType)) return new URLSearchParams(body);
  try {
    const parsed: unknown = JSON.parse(body);
    const entries = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : [];
    return new URLSearchParams(entries.filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new URLSearchParams();
  }
}

/** Who an access token is for, from the standard /api/me (empty when it does not say). */
async function subjectOf(issuer: string, accessToken: string, self: Record<string, string>): Promise<string> {
  const response = await fetch(`${issuer}/api/me`, {headers: {...self, authorization: `Bearer ${accessToken}`}});
  const body = (await response.json().catch(() => ({}))) as {sub?: unknown};
  return typeof body.sub === 'string' ? body.sub : '';
}

/** Answers a request under /as/; `issuer` is the provider's own origin. */
export async function personalRoute(req: http.IncomingMessage, res: http.ServerResponse, issuer: string, cors: Record<string, string>, tools: ProviderTools): Promise<void> {
  const [path, query = ''] = (req.url ?? '').split('?');
  const name = /^\/as\/([a-z0-9_-]{1,40})\//.exec(path)?.[1] ?? '';
  const personality = Object.hasOwn(PERSONALITIES, name) ? PERSONALITIES[name] : undefined;
  const notFound = () => send(res, {status: 404, headers: {'content-type': 'application/json'}, body: JSON.stringify({message: 'Not Found'})}, cors);
  if (!personality) return notFound();
  // The shop's own host, as a path segment here (Shopify's): one of the wrong form is no endpoint at all.
  const pathValue = personality.pathInput ? (/^\/as\/[a-z0-9_-]{1,40}\/([^/]{1,100})\//.exec(path)?.[1] ?? '') : '';
  if (personality.pathInput && !personality.pathInput.pattern.test(pathValue)) return notFound();
  const paths = personalityPaths(personality, pathValue);
  // The view calls a provider that takes public clients (Dropbox) itself, from Origin: null, with JSON bodies and its headers.
  const browser = {...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'authorization, content-type, notion-version'};
  if (req.method === 'OPTIONS') return send(res, {status: 204, headers: {}, body: ''}, browser);
  const refused = personality.check?.(req.headers);
  if (refused && path !== paths.authorize) return send(res, refused, browser);
  const self = {[SELF_CALL_HEADER]: SELF_CALL};
  /** The same request to the provider's standard endpoint, marked as its own call, with the client's authorization. */
  const forward = (target: string, init: {body?: string; headers?: Record<string, string>; withoutAuthorization?: boolean} = {}) =>
    fetch(`${issuer}${target}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {...init.headers, ...(req.headers.authorization && !init.withoutAuthorization ? {authorization: req.headers.authorization} : {}), ...self},
      body: init.body,
    });

  if (path === paths.authorize && req.method === 'GET') {
    // The provider's own sign-in and consent, then back to the client, as from /auth.
    const params = personality.authorize ? personality.authorize(new URLSearchParams(query)) : new URLSearchParams(query);
    res.writeHead(302, {location: `/auth?${params.toString()}`, 'cache-control': 'no-store'});
    return void res.end();
  }
  const contentType = String(req.headers['content-type'] ?? '');
  const formBody = async () => asForm((await readBody(req, MAX_FORM_BYTES))?.toString('utf8') ?? '', contentType);
  if (path === paths.token && req.method === 'POST') {
    // A provider that wants JSON is sent a form by a textbook client: refused, as it would be (415, as Notion's does).
    const json = /application\/json/i.test(contentType);
    if ((personality.tokenRequestBody === 'json') !== json) {
      return send(res, {status: 415, headers: {'content-type': 'application/json'}, body: JSON.stringify({error: 'invalid_request', error_description: `The body must be ${personality.tokenRequestBody === 'json' ? 'JSON' : 'a form'}.`})}, {});
    }
    const form = await formBody();
    const response = await forward('/token', {
      body: form.toString(),
      headers: {'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', [PERSONALITY_HEADER]: personality.name},
    });
    const answer = await standard(response);
    const subject = personality.namesUser && typeof answer.body.access_token === 'string' ? await subjectOf(issuer, answer.body.access_token, self) : '';
    return send(res, personality.token(answer, {accept: String(req.headers.accept ?? ''), grantType: form.get('grant_type') ?? '', form, issuer, subject}), personality.defaults.exchange === 'view' ? browser : {});
  }
  if (path === paths.user && personality.identity && personality.user && ['GET', 'POST'].includes(req.method ?? '')) {
    // Its API's own token header, read as the bearer token the standard endpoint takes.
    const token = personality.tokenHeader ? String(req.headers[personality.tokenHeader.toLowerCase()] ?? '') : '';
    // A provider with its own header reads only that one (Shopify's API ignores a bearer).
    const bearer = personality.tokenHeader ? (token ? `Bearer ${token}` : '') : (req.headers.authorization ?? '');
    const response = await fetch(`${issuer}/api/me`, {headers: {...self, ...(bearer ? {authorization: bearer} : {})}});
    return send(res, personality.user(await standard(response), {pathValue}), browser);
  }
  if (personality.revocation && path === paths.revoke) {
    const status = await revocation(personality.revocationStyle ?? 'rfc7009', req, formBody, forward, tools);
    if (status === null) return notFound();
    return send(res, personality.revoke ? personality.revoke({status}) : {status, headers: {'content-type': 'application/json'}, body: '{}'}, browser);
  }
  return notFound();
}

/** The standard revocation's status for a request in the personality's style, or null when the request is not of that style. */
async function revocation(
  style: NonNullable<Personality['revocationStyle']>,
  req: http.IncomingMessage,
  formBody: () => Promise<URLSearchParams>,
  forward: (target: string, init?: {body?: string; headers?: Record<string, string>; withoutAuthorization?: boolean}) => Promise<Response>,
  tools: ProviderTools,
): Promise<number | null> {
  /**
   * The standard revocation of `token` for a style that always sends Basic
   * (Intuit's, GitHub's): the local client that takes its secret in the form
   * is sent it there, as the standard endpoint checks each client's method.
   */
  const standardRevocation = async (token: string) => {
    const form = new URLSearchParams({token});
    const [id, secret] = Buffer.from(/^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '', 'base64').toString('utf8').split(':').map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    const inForm = id === CONFIDENTIAL_CLIENTS.client_secret_post;
    if (inForm) {
      form.set('client_id', id);
      form.set('client_secret', secret ?? '');
    }
    return (await forward('/token/revocation', {body: form.toString(), headers: {'content-type': 'application/x-www-form-urlencoded'}, withoutAuthorization: inForm})).status;
  };
  switch (style) {
    case 'rfc7009':
      if (req.method !== 'POST') return null;
      return (await forward('/token/revocation', {body: (await formBody()).toString(), headers: {'content-type': 'application/x-www-form-urlencoded'}})).status;
    case 'json':
      // The client's Basic authorization goes along; the standard endpoint checks it.
      if (req.method !== 'POST') return null;
      return standardRevocation((await formBody()).get('token') ?? '');
    case 'grant-delete':
      if (req.method !== 'DELETE') return null;
      return standardRevocation((await formBody()).get('access_token') ?? '');
    case 'bearer': {
      if (req.method !== 'POST') return null;
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      return bearer && (await tools.revokeDirect(bearer)) ? 200 : 401;
    }
  }
}
