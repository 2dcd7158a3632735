/**
 * The provider's own sign-in and consent steps, in place of oidc-provider's
 * devInteractions (a developer tool's look, a DEBUG block, and a web font
 * fetched from the internet, which fails offline). oidc-provider sends the
 * browser to /interaction/<uid> (its default interactions.url); these routes
 * answer it with the documented interactionDetails / interactionFinished API.
 *
 *   GET  /interaction/<uid>          the login or consent page
 *   POST /interaction/<uid>/login    login=… (any user name, any password)
 *   POST /interaction/<uid>/confirm  grants what the client asked for
 *   POST /interaction/<uid>/abort    error=access_denied back to the client
 */
import type http from 'node:http';
import type Provider from 'oidc-provider';
import {consentPage, errorPage, loginPage, pageCsp} from './pages';

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/;

/** Whether a request is for these pages (the rest goes to oidc-provider). */
export function isInteractionPath(url: string | undefined): boolean {
  return ROUTE.test((url ?? '').split('?')[0]);
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    // A sign-in form is a few dozen bytes; anything far larger is not one.
    if (body.length > 16_384) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/** The scopes the client asks for and has not been granted yet: what consent will grant. */
function missingScopes(details: Details['prompt']['details']): string[] {
  const oidc = Array.isArray(details.missingOIDCScope) ? (details.missingOIDCScope as string[]) : [];
  const resources = (details.missingResourceScopes ?? {}) as Record<string, string[]>;
  return [...new Set([...oidc, ...Object.values(resources).flat()])];
}

/** `brand`: what the pages call the provider (pages.ts). */
export function interactionHandler(provider: Provider, redirectUris: string[], brand: string) {
  const csp = pageCsp(redirectUris);

  const send = (res: http.ServerResponse, status: number, html: string) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(html);
  };

  const clientName = async (clientId: unknown): Promise<string> => {
    const client = typeof clientId === 'string' ? await provider.Client.find(clientId) : undefined;
    return client?.clientName ?? String(clientId ?? 'An application');
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const [, uid, step] = ROUTE.exec((req.url ?? '').split('?')[0]) ?? [];
    const base = `/interaction/${uid}`;
    if ((step === undefined) !== (req.method === 'GET')) {
      res.writeHead(405, {allow: step === undefined ? 'GET' : 'POST'});
      res.end();
      return;
    }
    // Throws SessionNotFound when the interaction cookie is missing or expired (caught below).
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    const {prompt, params, session, grantId} = details;

    if (step === 'abort') {
      return provider.interactionFinished(req, res, {error: 'access_denied', error_description: 'End-User aborted interaction'}, {mergeWithLastSubmission: false});
    }
    if (step === 'login') {
      if (prompt.name !== 'login') throw new Error(`expected the ${prompt.name} step`);
      const login = (await readForm(req)).get('login')?.trim();
      if (!login) return send(res, 400, loginPage(`${base}/login`, await clientName(params.client_id), brand));
      return provider.interactionFinished(req, res, {login: {accountId: login}}, {mergeWithLastSubmission: false});
    }
    if (step === 'confirm') {
      if (prompt.name !== 'consent' || !session) throw new Error(`expected the consent step, not ${prompt.name}`);
      const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({accountId: session.accountId, clientId: String(params.client_id)});
      if (!grant) throw new Error('grant not found');
      const {missingOIDCScope, missingOIDCClaims, missingResourceScopes} = prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
      if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
      // Merged with the login result, as oidc-provider's own consent step does, so a login and a consent
      // answered in one interaction both count.
      return provider.interactionFinished(req, res, {consent: {grantId: await grant.save()}}, {mergeWithLastSubmission: true});
    }

    const name = await clientName(params.client_id);
    if (prompt.name === 'login') return send(res, 200, loginPage(`${base}/login`, name, brand));
    if (prompt.name === 'consent') {
      return send(res, 200, consentPage({allow: `${base}/confirm`, cancel: `${base}/abort`}, name, session?.accountId ?? '', missingScopes(prompt.details), brand));
    }
    return send(res, 501, errorPage({error: 'not_implemented', error_description: `no page for the ${prompt.name} step`}, brand));
  };

  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((error: Error & {error_description?: string}) => {
      if (res.headersSent) return;
      // Usually an interaction that expired or a browser without its cookie: start again from the app.
      send(res, 400, errorPage({error: error.name === 'SessionNotFound' ? 'interaction_expired' : 'invalid_request', error_description: error.error_description ?? error.message}, brand));
    });
  };
}
