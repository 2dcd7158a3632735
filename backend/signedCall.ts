/**
 * Verifies a call from a view, as Stripe's "Add server-side logic" guide
 * describes: the view sends `Stripe-Signature` (from fetchStripeSignature())
 * and `user_id` / `account_id` in its JSON body; the signature covers
 * `JSON.stringify({user_id, account_id})`, user first. stripe-node's own
 * helper checks it (never a hand-written HMAC), against the current signing
 * secret and, during a rotation, the previous one, within Stripe's 300 s.
 * Its async form, so the same code runs on Node (its crypto) and on Workers
 * (stripe-node's worker build verifies with SubtleCrypto, which has no
 * synchronous HMAC).
 *
 * The verified ids are the only ones the backend ever acts for: a body that
 * names another user or account does not match its signature.
 */
import Stripe from 'stripe';
import {BackendError} from './errors';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface VerifiedCaller {
  userId: string;
  accountId: string;
}

export interface SignedCall {
  caller: VerifiedCaller;
  /** The rest of the body, for the route to read. */
  body: Record<string, unknown>;
}

const USER_ID = /^usr_[A-Za-z0-9_]{1,100}$/;
const ACCOUNT_ID = /^acct_[A-Za-z0-9_]{1,100}$/;

function parseBody(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BackendError('bad-request', 'The body must be JSON with user_id and account_id.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new BackendError('bad-request', 'The body must be a JSON object with user_id and account_id.');
  return body as Record<string, unknown>;
}

export async function verifySignedCall(signature: string | undefined, rawBody: string, secrets: string[]): Promise<SignedCall> {
  if (!signature) throw new BackendError('unsigned', 'This call is not signed: send the view\'s fetchStripeSignature() in the Stripe-Signature header.');
  const body = parseBody(rawBody);
  const {user_id: userId, account_id: accountId} = body;
  if (typeof userId !== 'string' || !USER_ID.test(userId) || typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) {
    throw new BackendError('bad-signature', 'The signature does not match: the body must carry the signed user_id and account_id.');
  }
  // stripe-node types the helper as nullable; its Node and worker builds both have it.
  const helper = Stripe.webhooks.signature;
  if (!helper) throw new BackendError('internal', "stripe-node's signature helper is missing.");
  const payload = JSON.stringify({user_id: userId, account_id: accountId});
  let expired = false;
  for (const secret of secrets) {
    try {
      await helper.verifyHeaderAsync(payload, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
      const rest = {...body};
      delete rest.user_id;
      delete rest.account_id;
      return {caller: {userId, accountId}, body: rest};
    } catch (e) {
      // stripe-node says so in words only; its message names no secret or signature.
      if (e instanceof Error && /tolerance/i.test(e.message)) expired = true;
    }
  }
  if (expired) throw new BackendError('expired-signature', 'The signature has expired: ask for a fresh one with fetchStripeSignature() for every call.');
  throw new BackendError('bad-signature', 'The signature does not match this app, user and account.');
}
