/**
 * The signed-in user's connection in backend mode (a connection's exchange
 * "backend"): the app backend is the OAuth client and keeps the tokens, so
 * this side only ever holds the summary it is answered. Same interface as the
 * view-mode service, so the panel and its machine do not know the difference.
 *
 *   (every call's body also names the connection: {connection: id})
 *   load        POST /v1/connection/status      (the first: the drawer's one POST /v1/connections/status for all of them)
 *   connect     POST /v1/connection/exchange  {code, verifier, redirect_uri (this mode's, from the manifest), inputs? (Shopify's shop)}
 *   fresh       POST /v1/connection/refresh   {when: "due"}   (only called when due by this summary)
 *   refresh     POST /v1/connection/refresh   {when: "now"}
 *   verify      POST /v1/connection/verify
 *   disconnect  POST /v1/connection/disconnect   → {revocation, revoke_at?}
 *
 * The backend's refusals come back as the errors the view-mode service
 * throws (ProviderError, ConnectionGoneError, ConnectionPayloadError), so the
 * panel says the same things; anything else stays a BackendCallError.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {BackendCallError, createBackendClient, type BackendClient} from '../appBackend';
import {ProviderError, redirectUriFor, type OAuthProviderConfig} from '../oauth';
import {ConnectionGoneError, type Revocation} from './connectionCore';
import type {PanelConnection} from './connectionService';
import {ConnectionPayloadError, REFRESH_MARGIN_SECONDS, type ConnectionSummary} from './storedConnection';

/** The backend's answer for a connection: a summary, never a token. */
interface SummaryAnswer {
  connected: boolean;
  scopes?: unknown;
  access_token_expires_at?: unknown;
  refresh_token_expires_at?: unknown;
  can_refresh?: unknown;
  connected_at?: unknown;
  account_name?: unknown;
}

const numberOrNull = (v: unknown) => (typeof v === 'number' ? v : null);

/** Only the fields the panel shows, checked: nothing else the backend sends is kept. */
function summaryFrom(answer: SummaryAnswer): ConnectionSummary | null {
  if (!answer.connected) return null;
  return {
    scopes: Array.isArray(answer.scopes) ? answer.scopes.filter((s): s is string => typeof s === 'string') : [],
    accessTokenExpiresAt: numberOrNull(answer.access_token_expires_at),
    refreshTokenExpiresAt: numberOrNull(answer.refresh_token_expires_at),
    canRefresh: answer.can_refresh === true,
    connectedAt: numberOrNull(answer.connected_at) ?? 0,
    accountName: typeof answer.account_name === 'string' ? answer.account_name.slice(0, 200) : null,
  };
}

/** The backend's refusal codes that mean what the view-mode service's own errors mean. */
function asConnectionError(error: unknown): unknown {
  if (!(error instanceof BackendCallError)) return error;
  switch (error.code) {
    case 'not-connected':
      return new ConnectionGoneError();
    case 'connection-unreadable':
      return new ConnectionPayloadError('unreadable');
    case 'provider-invalid-grant':
      return new ProviderError('invalid-grant');
    case 'provider-refused':
      return new ProviderError('refused');
    case 'provider-unavailable':
      return new ProviderError('unavailable');
    case 'provider-unreachable':
      return new ProviderError('network');
    default:
      return error;
  }
}

export function createBackendConnection(
  context: Pick<ExtensionContextValue, 'userContext' | 'environment'>,
  provider: OAuthProviderConfig,
  backend: BackendClient = createBackendClient(context),
  /** The status as the drawer's one call for all its backend-mode connections has it (firstReads.ts), or null: the first load then asks itself. */
  firstStatus?: () => Promise<Record<string, unknown>> | null,
): PanelConnection {
  let current: ConnectionSummary | null = null;

  const ask = async (path: string, body?: Record<string, unknown>, shared?: Promise<Record<string, unknown>> | null): Promise<ConnectionSummary> => {
    let answer: SummaryAnswer;
    try {
      // Every call names the connection: the backend acts on that one of the user's connections only.
      answer = ((await shared) as SummaryAnswer | undefined) ?? (await backend.call<SummaryAnswer>(path, {...body, connection: provider.id}));
    } catch (e) {
      const error = asConnectionError(e);
      if (error instanceof ConnectionGoneError) current = null;
      throw error;
    }
    const summary = summaryFrom(answer);
    if (!summary) {
      current = null;
      throw new ConnectionGoneError();
    }
    current = summary;
    return summary;
  };

  const held = (): ConnectionSummary => {
    if (!current) throw new ConnectionGoneError();
    return current;
  };

  /** Asks the backend about the connection held here; nothing held is ConnectionGoneError, as in view mode. */
  const askAbout = async (path: string, body?: Record<string, unknown>) => {
    held();
    return ask(path, body);
  };

  return {
    async load() {
      try {
        return await ask('/v1/connection/status', undefined, firstStatus?.());
      } catch (e) {
        if (e instanceof ConnectionGoneError) return null;
        throw e;
      }
    },
    connect: (grant) =>
      ask('/v1/connection/exchange', {code: grant.code, verifier: grant.verifier, redirect_uri: redirectUriFor(provider, context.environment.mode), ...(grant.inputs ? {inputs: grant.inputs} : {})}),
    summary: () => current,
    refresh: () => askAbout('/v1/connection/refresh', {when: 'now'}),
    async fresh() {
      const summary = held();
      const due = summary.accessTokenExpiresAt !== null && summary.accessTokenExpiresAt - REFRESH_MARGIN_SECONDS <= Date.now() / 1000;
      return due && summary.canRefresh ? ask('/v1/connection/refresh', {when: 'due'}) : summary;
    },
    verify: () => askAbout('/v1/connection/verify'),
    async disconnect() {
      held();
      let answer: {revocation?: unknown; revoke_at?: unknown};
      try {
        answer = await backend.call<{revocation?: unknown; revoke_at?: unknown}>('/v1/connection/disconnect', {connection: provider.id});
      } catch (e) {
        throw asConnectionError(e);
      }
      current = null;
      const revocation: Revocation = answer.revocation === 'revoked' || answer.revocation === 'not-supported' ? answer.revocation : 'failed';
      // Shown as a link: only an https address is taken from the answer.
      const revokeAt = typeof answer.revoke_at === 'string' && /^https:\/\/[^\s]{1,300}$/.test(answer.revoke_at) ? answer.revoke_at : undefined;
      return {revocation, ...(revokeAt ? {revokeAt} : {})};
    },
  };
}
