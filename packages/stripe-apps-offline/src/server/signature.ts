/**
 * fetchStripeSignature as Stripe answers it: Stripe's webhook-style header
 * (`t=<unix>,v1=<HMAC-SHA256 of "t.payload">`) over the signed-in user and
 * account, which come first and are always the host's. A view's additional
 * payload is signed after them and can never name somebody else. The app
 * backend checks it with stripe-node's own helper, as against Stripe's.
 */
import crypto from 'node:crypto';

export interface SignedFor {
  user: string;
  account: string;
}

export function signForView(who: SignedFor, additional: unknown, secret: string, now = Date.now()): {header: string; overrode: boolean} {
  const extra = additional && typeof additional === 'object' && !Array.isArray(additional) ? {...(additional as Record<string, unknown>)} : {};
  const overrode = 'user_id' in extra || 'account_id' in extra;
  delete extra.user_id;
  delete extra.account_id;
  const payload = JSON.stringify({user_id: who.user, account_id: who.account, ...extra});
  const timestamp = Math.floor(now / 1000);
  const signature = crypto.createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return {header: `t=${timestamp},v1=${signature}`, overrode};
}
