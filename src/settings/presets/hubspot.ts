/**
 * HubSpot private app (a "legacy app" in HubSpot's newer pages): its access
 * token (pat-na1-…), sent as a bearer token to api.hubapi.com. The check
 * reads the account's details: 200 when it works, 401 when it is wrong,
 * rotated or deactivated (HubSpot deactivates a token GitHub's secret
 * scanning finds). A 403 is a genuine token missing a scope, so it counts as
 * working.
 */
import type {KeyPreset} from './types';

/**
 * Sources: HubSpot developers, "Intro to auth" for legacy apps (Bearer; api.hubapi.com; tokens found
 * by secret scanning are deactivated), "Get account details" (GET /account-info/2026-03/details),
 * "Private apps" (Development > Legacy apps; super admins only).
 * Unconfirmed: the pat-<region>- prefix (secret scanners only); 401 INVALID_AUTHENTICATION and 403
 * MISSING_SCOPES (third-party pages); whether the token needs the oauth scope for account-info (a 403
 * then, which reads as working).
 */
export const hubspot: KeyPreset = {
  service: 'HubSpot',
  label: 'HubSpot private app access token',
  description: 'Lets the app read and write your HubSpot CRM.',
  helpUrl: 'https://developers.hubspot.com/docs/api/private-apps',
  parts: [{name: 'accessToken', label: 'HubSpot private app access token', pattern: '^pat-[a-z]{2}[0-9]-[0-9a-f-]{20,}$', formatHint: 'starts with pat- and your region, such as pat-na1- or pat-eu1-'}],
  check: {url: 'https://api.hubapi.com/account-info/2026-03/details', method: 'GET', present: {bearer: '{accessToken}'}, works: [200, 403], refused: [401]},
};
