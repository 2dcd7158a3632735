/**
 * A personality: how the local provider answers when it stands in for one
 * real provider, at /as/<name>/… beside its standard endpoints. Underneath it
 * is still oidc-provider (codes single-use, PKCE, clients and their secrets
 * checked); a personality only reshapes the answers, the way that provider
 * shapes them, so an app's handling of each quirk runs offline.
 */

/** The standard endpoint's answer, as oidc-provider gave it. */
export interface StandardAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** What the personality sends back instead. */
export interface PersonalAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Personality {
  /** The preset name an app's connection gives ("github"): the kit matches the two by it. */
  name: string;
  /**
   * What an app's preset of this provider defaults to when its entry does not
   * say (the provider's own name, whether it takes only confidential clients,
   * how they send the secret, the scopes asked for): the kit must pick the
   * client the app will use. The app's preset says the same, from the same
   * docs; the two do not import each other.
   */
  defaults: {name: string; exchange: 'view' | 'backend'; clientAuth?: 'client_secret_basic' | 'client_secret_post'; scopes?: string[]};
  /** Whether it serves who-is-connected at /as/<name>/user, and RFC 7009 revocation at /as/<name>/revoke. */
  identity: boolean;
  revocation: boolean;
  /**
   * A value its URLs carry as that provider's carry it in their host
   * (Shopify's shop): here the path segment after /as/<name>/, left as
   * `{name}` in the URLs the kit gives the app, which fills in each user's.
   * A request whose segment is not of `pattern`'s form is not found.
   */
  pathInput?: {name: string; pattern: RegExp};
  /** The authorize request's parameters as the standard /auth takes them (Slack's user_scope becomes scope). */
  authorize?(params: URLSearchParams): URLSearchParams;
  /** The token request's body as that provider takes it (absent: a form; Notion's and Atlassian's are JSON). */
  tokenRequestBody?: 'form' | 'json';
  /** The header its API reads the access token from (absent: Authorization: Bearer; Shopify's X-Shopify-Access-Token). */
  tokenHeader?: string;
  /**
   * How its revocation is asked for (absent: an RFC 7009 form): a JSON {token}
   * with Basic (Intuit, Notion), the access token as bearer and no body
   * (Dropbox), or DELETE with Basic and {access_token} (GitHub's grant). The
   * app's presets name the same styles.
   */
  revocationStyle?: 'rfc7009' | 'json' | 'bearer' | 'grant-delete';
  /** Whether its token answer names the user (Notion's owner, Dropbox's account_id, Intuit's id_token): only then is `subject` looked up. */
  namesUser?: boolean;
  /** Refuses a request to any of its endpoints that lacks what that provider insists on (Notion's Notion-Version), or null. */
  check?(headers: Record<string, string | string[] | undefined>): PersonalAnswer | null;
  /** Whether a refresh hands out a new refresh token (absent: yes, as oidc-provider does; Google's does not). */
  rotatesRefreshTokens?: boolean;
  /**
   * The token endpoint's answer, from the standard one; `accept` is the
   * request's Accept header, `form` its body, `issuer` the provider's origin,
   * `subject` who the new token is for (empty when none was issued, or when
   * the personality does not say `namesUser`).
   */
  token(standard: StandardAnswer, request: {accept: string; grantType: string; form: URLSearchParams; issuer: string; subject: string}): PersonalAnswer;
  /** The identity endpoint's answer (when `identity`), from the standard /api/me one; `pathValue` is the pathInput's (Shopify's shop), or empty. */
  user?(standard: StandardAnswer, request: {pathValue: string}): PersonalAnswer;
  /** The revocation answer (when `revocation`), from the standard RFC 7009 one. */
  revoke?(standard: {status: number}): PersonalAnswer;
}

export const json = (status: number, body: unknown): PersonalAnswer => ({
  status,
  headers: {'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store'},
  body: JSON.stringify(body),
});
