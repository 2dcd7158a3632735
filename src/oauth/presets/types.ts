/**
 * A provider preset: what a connection needs to know of one provider, as
 * data (the fields of a constants.connections entry that are the provider's,
 * not the app's), so a manifest entry names `"preset": "github"` and its
 * client id. The entry's own fields win over the preset's. Each preset's
 * file says, in a comment, where its facts come from and what could not be
 * confirmed (comments, so they do not ship in the view).
 */
import type {OAuthExchange, OAuthProviderConfig} from '../providerConfig';

/** The app's own fields: its connection id, its client at the provider, its return routes. */
type AppsOwn = 'id' | 'clientId' | 'redirectUris' | 'scopes' | 'exchange';

export type ProviderPreset = Omit<OAuthProviderConfig, AppsOwn> & {
  /** The default when the entry does not say: "backend" for a provider that only takes confidential clients. */
  exchange: OAuthExchange;
  /** The scopes asked for when the entry names none. */
  scopes?: string[];
  /**
   * What the app's entry fills into the preset's URLs, as "inputs": {name: value}
   * (Microsoft's tenant): each `{name}` in them, with its form and default.
   */
  inputs?: Record<string, {pattern: string; description: string; default?: string}>;
};
