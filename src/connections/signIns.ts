/**
 * Which connection a sign-in's return is for. The Dashboard reopens the
 * drawer with `oauthContext = {code, verifier, state}` and nothing else: it
 * does not say which provider the code came from, and the view that opened
 * the provider's page is gone. A code must go only to the provider that
 * issued it (another provider's token endpoint would learn it), so guessing
 * is no answer. With one connection there is nothing to tell apart; with
 * several, the panel records each sign-in's state and connection in the
 * user's own scope when Connect is pressed, and the return reads it back.
 *
 * The state is not a secret (it travels in the provider's URLs); the record
 * holds no token and expires with the sign-in (the Dashboard's states last
 * minutes). It is one place of the user's 10 (SHARED_USER_PLACES).
 */
import type {ScopedSecrets} from '../secrets';

export const SIGN_INS_SECRET = 'keyring_signins';

/** How long a recorded sign-in may take to come back. */
const SIGN_IN_SECONDS = 30 * 60;
/** Sign-ins kept: enough for a user who presses several Connect buttons before finishing one. */
const KEPT = 8;

interface SignIn {
  state: string;
  connection: string;
  at: number;
}

function parsed(payload: string | null): SignIn[] {
  if (!payload) return [];
  try {
    const value: unknown = JSON.parse(payload);
    return Array.isArray(value)
      ? value.filter((s): s is SignIn => !!s && typeof s === 'object' && typeof (s as SignIn).state === 'string' && typeof (s as SignIn).connection === 'string' && typeof (s as SignIn).at === 'number')
      : [];
  } catch {
    return [];
  }
}

/** Records that the sign-in with `state` is for `connectionId` (newest first, the oldest dropped). */
export async function rememberSignIn(secrets: ScopedSecrets, state: string, connectionId: string, now = Date.now()): Promise<void> {
  const nowSeconds = Math.floor(now / 1000);
  const earlier = parsed(await secrets.reveal(SIGN_INS_SECRET)).filter((s) => s.state !== state && s.at > nowSeconds - SIGN_IN_SECONDS);
  const kept = [{state, connection: connectionId, at: nowSeconds}, ...earlier].slice(0, KEPT);
  await secrets.set(SIGN_INS_SECRET, JSON.stringify(kept), {expiresAt: nowSeconds + SIGN_IN_SECONDS});
}

/** The connection the sign-in with `state` was recorded for, or null when none was. */
export async function connectionOfSignIn(secrets: ScopedSecrets, state: string): Promise<string | null> {
  return parsed(await secrets.reveal(SIGN_INS_SECRET)).find((s) => s.state === state)?.connection ?? null;
}
