/**
 * Notion internal integration: its secret (ntn_…, or secret_… for older
 * ones), sent as a bearer token with the Notion-Version header every request
 * needs (without it Notion answers 400 missing_version, which would make a
 * good key look broken). The check reads the token's bot user, which needs
 * no page shared: 200 when it works, 401 unauthorized when it is wrong. A
 * 403 restricted_resource is a genuine token without that capability, so it
 * counts as working.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Notion API reference, "Authentication" (Bearer; Notion-Version 2025-09-03 in its example),
 * "Status codes" (401 unauthorized, 403 restricted_resource, 400 missing_version), changelog
 * "Retrieve your token's bot user" (GET /v1/users/me).
 * Unconfirmed: the ntn_ and secret_ prefixes (third-party pages and secret scanners); whether
 * /users/me needs the user-information capability; the notion.so/profile/integrations address.
 */
export const notion: KeyPreset = {
  service: 'Notion',
  label: 'Notion integration secret',
  description: 'Lets the app read and write the Notion pages you share with its integration.',
  helpUrl: 'https://www.notion.so/profile/integrations',
  parts: [{name: 'token', label: 'Notion integration secret', pattern: '^(ntn_|secret_)[A-Za-z0-9]{20,}$', formatHint: 'starts with ntn_ (or secret_ for an older integration)'}],
  check: {url: 'https://api.notion.com/v1/users/me', method: 'GET', present: {bearer: '{token}'}, headers: {'Notion-Version': '2025-09-03'}, works: [200, 403], refused: [401]},
};
