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
 * A provider that needs the user's input before Connect (Shopify's shop) is
 * recorded even when it is the only connection: the return must know which
 * shop the code is for, and the Dashboard drops the `shop` Shopify adds.
 *
 * The state is not a secret (it travels in the provider's URLs), nor is a
 * shop domain; the record holds no token and expires with the sign-in (the
 * Dashboard's states last minutes). It is one place of the user's 10
 * (SHARED_USER_PLACES).
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
  /** What the user typed for it (Shopify's shop); checked again when the code is exchanged. */
  inputs?: Record<string, string>;
}

const stringsOnly = (value: unknown): value is Record<string, string> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

function parsed(payload: string | null): SignIn[] {
  if (!payload) return [];
  try {
    const value: unknown = JSON.parse(payload);
    return Array.isArray(value)
      ? value.filter(
          (s): s is SignIn =>
            !!s &&
            typeof s === 'object' &&
            typeof (s as SignIn).state === 'string' &&
            typeof (s as SignIn).connection === 'string' &&
            typeof (s as SignIn).at === 'number' &&
            ((s as SignIn).inputs === undefined || stringsOnly((s as SignIn).inputs)),
        )
      : [];
  } catch {
    return [];
  }
}

/** Records that the sign-in with `state` is for `connectionId`, with what the user typed for it (newest first, the oldest dropped). */
export async function rememberSignIn(secrets: ScopedSecrets, state: string, connectionId: string, inputs: Record<string, string> = {}, now = Date.now()): Promise<void> {
  const nowSeconds = Math.floor(now / 1000);
  const earlier = parsed(await secrets.reveal(SIGN_INS_SECRET)).filter((s) => s.state !== state && s.at > nowSeconds - SIGN_IN_SECONDS);
  const kept = [{state, connection: connectionId, at: nowSeconds, ...(Object.keys(inputs).length > 0 ? {inputs} : {})}, ...earlier].slice(0, KEPT);
  await secrets.set(SIGN_INS_SECRET, JSON.stringify(kept), {expiresAt: nowSeconds + SIGN_IN_SECONDS});
}

/** The connection the sign-in with `state` was recorded for, and what was typed for it; null when none was. */
export async function recordedSignIn(secrets: ScopedSecrets, state: string): Promise<{connection: string; inputs: Record<string, string>} | null> {
  const found = parsed(await secrets.reveal(SIGN_INS_SECRET)).find((s) => s.state === state);
  return found ? {connection: found.connection, inputs: found.inputs ?? {}} : null;
}
