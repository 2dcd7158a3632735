/**
 * A provider preset: what a connection needs to know of one provider, as
 * data (the fields of a constants.connections entry, plus what they cannot
 * say), so a manifest entry names `"preset": "github"` and its client id.
 * The entry's own fields win over the preset's.
 */
export interface ProviderPreset {
  name: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** RFC 7009 revocation, when the provider has it. */
  revocationUrl?: string;
  /** Where a user removes the app's access themselves, for a provider an app cannot revoke at. */
  revokeAt?: string;
  /** Who is connected: an endpoint answering name, login, email or sub for a bearer token. */
  identityUrl?: string;
  /** The default when the entry does not say: "backend" for a provider that only takes confidential clients. */
  exchange: 'view' | 'backend';
  clientAuth?: 'client_secret_basic' | 'client_secret_post';
  scopes?: string[];
  /** The authorize parameter the scopes go in (Slack's user token: "user_scope"), and how they are joined. */
  scopeParam?: string;
  scopeSeparator?: string;
  /** Parameters the authorize request always carries (Google: access_type=offline and prompt=consent, for a refresh token). */
  authorizeParams?: Record<string, string>;
  /** Where the token answer's fields sit when not at the top (Slack's user token: "authed_user"). */
  tokenPath?: string;
  /** Where each fact came from, and what could not be confirmed: read them before relying on the preset. */
  sources: string[];
  unconfirmed: string[];
}
