/**
 * HubSpot's GET /account-info/2026-03/details, as HubSpot documents it: a
 * private app's token as the bearer; 200 with the portal's details, 401
 * INVALID_AUTHENTICATION for a wrong token.
 */
import {bearerOf, outage, verdictFor, type KeyService} from './types';

export const hubspot: KeyService = {
  name: 'hubspot',
  localCheckUrl: '/account-info/2026-03/details',
  answer({method, path, headers}) {
    if (method !== 'GET' || path !== '/account-info/2026-03/details') return {status: 404, body: {status: 'error', message: 'Resource not found', category: 'OBJECT_NOT_FOUND'}};
    // The token is pat-<region>- and hexadecimal digits, which cannot say "revoked": the verdict reads what follows the region.
    const tail = /^pat-[a-z]{2}[0-9]-(.+)$/.exec(bearerOf(headers) ?? '')?.[1] ?? null;
    const verdict = verdictFor(tail, /^[0-9a-f-]{20,}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') {
      return {status: 401, body: {status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION'}};
    }
    return {status: 200, body: {portalId: 1234567, accountType: 'STANDARD', timeZone: 'UTC', uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1'}};
  },
};
