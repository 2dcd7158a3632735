/**
 * The local provider's /as/<personality>/… routes (personalities/): each is
 * the standard endpoint underneath, called over HTTP on the provider itself
 * (so oidc-provider checks the code, the PKCE verifier and the client as for
 * any request), with the answer reshaped the way that provider shapes it.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import {readBody} from '../requestBody';
import {PERSONALITIES, personalityPaths} from './personalities';
import type {PersonalAnswer, StandardAnswer} from './personalities/types';

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

/** Answers a request under /as/; `issuer` is the provider's own origin. */
export async function personalRoute(req: http.IncomingMessage, res: http.ServerResponse, issuer: string, cors: Record<string, string>): Promise<void> {
  const [path, query = ''] = (req.url ?? '').split('?');
  const name = /^\/as\/([a-z0-9_-]{1,40})\//.exec(path)?.[1] ?? '';
  const personality = Object.hasOwn(PERSONALITIES, name) ? PERSONALITIES[name] : undefined;
  const notFound = () => send(res, {status: 404, headers: {'content-type': 'application/json'}, body: JSON.stringify({message: 'Not Found'})}, cors);
  if (!personality) return notFound();
  const paths = personalityPaths(personality.name);
  const self = {[SELF_CALL_HEADER]: SELF_CALL};
  /** The same request to the provider's standard endpoint, marked as its own call, with the client's authorization. */
  const forward = (target: string, init: {body?: string; headers?: Record<string, string>} = {}) =>
    fetch(`${issuer}${target}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {...init.headers, ...(req.headers.authorization ? {authorization: req.headers.authorization} : {}), ...self},
      body: init.body,
    });

  if (path === paths.authorize && req.method === 'GET') {
    // The provider's own sign-in and consent, then back to the client, as from /auth.
    const params = personality.authorize ? personality.authorize(new URLSearchParams(query)) : new URLSearchParams(query);
    res.writeHead(302, {location: `/auth?${params.toString()}`, 'cache-control': 'no-store'});
    return void res.end();
  }
  if (path === paths.token && req.method === 'POST') {
    const body = (await readBody(req, MAX_FORM_BYTES))?.toString('utf8') ?? '';
    const response = await forward('/token', {
      body,
      headers: {'content-type': String(req.headers['content-type'] ?? 'application/x-www-form-urlencoded'), accept: 'application/json', [PERSONALITY_HEADER]: personality.name},
    });
    const form = new URLSearchParams(body);
    return send(res, personality.token(await standard(response), {accept: String(req.headers.accept ?? ''), grantType: form.get('grant_type') ?? '', form}), {});
  }
  if (path === paths.user && personality.identity && personality.user && (req.method === 'GET' || req.method === 'OPTIONS')) {
    if (req.method === 'OPTIONS') return send(res, {status: 204, headers: {}, body: ''}, cors);
    const response = await forward('/api/me');
    return send(res, personality.user(await standard(response)), cors);
  }
  if (path === paths.revoke && personality.revocation && req.method === 'POST') {
    const body = (await readBody(req, MAX_FORM_BYTES))?.toString('utf8') ?? '';
    const response = await forward('/token/revocation', {body, headers: {'content-type': String(req.headers['content-type'] ?? '')}});
    const text = await response.text();
    return send(res, personality.revoke ? personality.revoke({status: response.status}) : {status: response.status, headers: {'content-type': 'application/json'}, body: text}, cors);
  }
  return notFound();
}
