/**
 * "Who is connected": the provider's protected endpoint named by
 * constants.oauth.identityUrl, called with the access token.
 */
import {ProviderError} from './providerErrors';

interface ProviderIdentity {
  /** A display name for the connected account at the provider. */
  name: string;
}

/** The first readable name in the answer: OIDC's name/preferred_username/email, or login/sub. */
function nameIn(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  for (const key of ['name', 'preferred_username', 'email', 'login', 'username', 'sub']) {
    const value = b[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
  }
  return null;
}

export async function fetchIdentity(identityUrl: string, accessToken: string, fetchImpl: typeof fetch = fetch): Promise<ProviderIdentity | null> {
  let response: Response;
  try {
    response = await fetchImpl(identityUrl, {headers: {authorization: `Bearer ${accessToken}`, accept: 'application/json'}});
  } catch {
    throw new ProviderError('network');
  }
  return identityFrom(response);
}

/** Reads an identity endpoint's answer: a name, null when it names nobody, or a ProviderError. */
export async function identityFrom(response: Response): Promise<ProviderIdentity | null> {
  if (response.status === 401) throw new ProviderError('invalid-token', {status: 401});
  if (!response.ok) throw new ProviderError('unavailable', {status: response.status});
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    throw new ProviderError('unavailable', {status: response.status});
  }
  const name = nameIn(body);
  return name ? {name} : null;
}
