import type {BuildFailures} from './buildFailures';

/** What the preview server tells the host page (embedded in the page as JSON). */
export interface PreviewUser {
  id: string;
  name: string;
  email: string;
  roles: {id: string; name: string; type: 'builtIn'}[];
}

export interface PreviewConfig {
  /** Proves a request to the preview server comes from this page, not from a view's iframe. */
  token: string;
  app: {id: string; name: string; version: string};
  account: {id: string; name: string; country: string};
  users: PreviewUser[];
  views: {viewport: string; component: string}[];
  /** What the preview could not use (manifest, missing or broken views): shown on the page, and in the view's place. */
  problems: PreviewProblem[];
  constants: Record<string, unknown> | null;
  permissions: string[];
  connectSrc: string[];
  /** The manifest's image-src: where an `Img` may load from. */
  imageSrc: string[];
  /** The latest requests, so the log survives a reload of the page. */
  recentRequests: LogEntry[];
  /** Bumped on every rebuild, so frames load fresh bundles. */
  build: number;
  /** The views whose latest build failed: the page's build error overlay. */
  buildFailures: BuildFailures;
  /**
   * Set when the page is the OAuth return route: who started the sign-in, and
   * what the drawer is opened with (the Dashboard's oauthContext).
   */
  opening?: OAuthReturn;
}

export interface PreviewProblem {
  /** The view it concerns, if one. */
  component?: string;
  /** The view could not be built (or its file is missing): it is not loaded at all. */
  unavailable?: boolean;
  message: string;
}

export interface OAuthReturn {
  user: string;
  mode: 'test' | 'live';
  oauthContext: {code?: string; verifier?: string; state?: string; error?: string};
}

/**
 * Which local service answered: the Secret Store (and the Stripe objects it
 * serves), the OAuth provider, the app backend, the Acme stand-in, or the
 * preview itself (a view's route changes and Dashboard navigation).
 */
/** The kit's own services' names in the request log (a stand-in may take none of them: standIns.ts). */
export const KIT_SERVICES = ['stripe-api', 'oauth-provider', 'backend', 'preview', 'key-services'] as const;
export type KitService = (typeof KIT_SERVICES)[number];
/** A kit service, or one of the app's stand-ins by the name its package.json gives it (standIns.ts). */
// `string & {}` keeps the kit's names offered by editors while any stand-in name type-checks.
export type LogService = KitService | (string & {});

export interface LogEntry {
  at: number;
  service: LogService;
  /**
   * Who and which mode, where the service knows: the preview does for the calls it
   * forwards; the provider, the backend and the stand-in are reached directly and do not.
   */
  user?: string;
  mode?: 'test' | 'live';
  method: string;
  /** The path only: never a query string, a body or a header. */
  path: string;
  status: number;
  ms: number;
}

/** What a local service reports of a request it answered, for the page's log. */
export type ServedRequest = Pick<LogEntry, 'method' | 'path' | 'status' | 'ms'>;
