/**
 * Klaviyo: a private API key (pk_…), sent as `Authorization: Klaviyo-API-Key
 * <key>` with the revision header every request needs. The check reads the
 * key's account, as Klaviyo suggests for testing a key: 200 when it works,
 * 401 (older revisions: 400) when it is wrong. A 403 is a genuine key
 * without the accounts:read scope, so it counts as working.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Klaviyo developers, "Retrieve API credentials" (pk_ followed by a longer alphanumeric string;
 * never shown again), "Authenticate" (Klaviyo-API-Key scheme, the revision header, 400 in older
 * revisions), "Get Accounts" (GET https://a.klaviyo.com/api/accounts, scope accounts:read, burst 1/s),
 * llms-full.txt (revision 2026-10-15).
 * Unconfirmed: 403 permission_denied for a missing scope (community answers only); the key's length;
 * the www.klaviyo.com/settings/account/api-keys address.
 */
export const klaviyo: KeyPreset = {
  service: 'Klaviyo',
  label: 'Klaviyo private API key',
  description: 'Lets the app read and write your Klaviyo profiles and lists.',
  helpUrl: 'https://www.klaviyo.com/settings/account/api-keys',
  parts: [{name: 'privateKey', label: 'Klaviyo private API key', pattern: '^pk_[A-Za-z0-9]{20,}$', formatHint: 'starts with pk_ (the 6-character public key is not enough)'}],
  check: {
    url: 'https://a.klaviyo.com/api/accounts',
    method: 'GET',
    present: {header: 'Authorization', value: 'Klaviyo-API-Key {privateKey}'},
    headers: {revision: '2026-10-15', accept: 'application/vnd.api+json'},
    works: [200, 403],
    refused: [400, 401],
  },
};
