/**
 * SendGrid (Twilio SendGrid): one API key (SG.…, 69 characters), sent as a
 * bearer token, and the account's region, which picks the API host: global
 * accounts use api.sendgrid.com, EU regional subusers api.eu.sendgrid.com.
 * The check lists the key's own scopes, which any key may read: 200 when it
 * works, 401 when it is wrong, deleted or its permissions changed.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Twilio SendGrid docs, "Authentication" (Authorization: Bearer), "Retrieve a list of scopes
 * for which this user has access" (GET /v3/scopes; the api.eu.sendgrid.com host for EU regional
 * subusers), "API Keys" ("69 characters long", shown once), "4XX API Errors" (401).
 * Unconfirmed: the SG. prefix and the two dot-separated parts (secret scanners only; the length is
 * official, so the pattern checks both loosely); that a restricted key with no scopes may read
 * /v3/scopes; the app.sendgrid.com/settings/api_keys address.
 */
export const sendgrid: KeyPreset = {
  service: 'SendGrid',
  label: 'SendGrid API key',
  description: 'Lets the app send e-mail through your SendGrid account.',
  helpUrl: 'https://app.sendgrid.com/settings/api_keys',
  parts: [
    {name: 'apiKey', label: 'SendGrid API key', pattern: '^(?=.{69}$)SG\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$', formatHint: 'starts with SG. and is 69 characters long'},
    {
      name: 'region',
      label: 'SendGrid region',
      choices: [
        {value: 'api', label: 'Global (api.sendgrid.com)'},
        {value: 'api.eu', label: 'EU regional subuser (api.eu.sendgrid.com)'},
      ],
    },
  ],
  check: {url: 'https://{region}.sendgrid.com/v3/scopes', method: 'GET', present: {bearer: '{apiKey}'}},
};
