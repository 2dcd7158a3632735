/**
 * Zendesk: the account's subdomain (the acme of acme.zendesk.com, which is
 * the API's host), an agent's e-mail and an API token, sent as HTTP Basic
 * with `<email>/token` as the user and the token as the password. The check
 * reads that user. /users/me also answers an anonymous caller, with 200 and
 * a user whose id is null, so a 200 counts only with an id; 401 is a wrong
 * e-mail or token.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Zendesk developer docs, "Security and authentication" ({email_address}/token:{api_token}
 * in Basic; credentials in the body or URL ignored; tokens act as their user), Zendesk help
 * "Troubleshooting 401 and 403 errors".
 * Unconfirmed: GET /api/v2/users/me.json read from third-party copies of the reference, and its answer
 * to an anonymous caller (hence the id rule rather than the status alone); the token's form (40
 * letters and digits in Zendesk's example; only letters and digits are checked); the subdomain's form.
 */
export const zendesk: KeyPreset = {
  service: 'Zendesk',
  label: 'Zendesk API token',
  description: 'Lets the app read and update your Zendesk tickets.',
  helpUrl: 'https://developer.zendesk.com/api-reference/introduction/security-and-auth/',
  parts: [
    {name: 'subdomain', label: 'Zendesk subdomain', pattern: '^[a-z0-9][a-z0-9-]{0,62}$', formatHint: 'is the part before .zendesk.com in your Zendesk address, such as acme', visible: true, example: 'acme'},
    {name: 'email', label: 'Agent e-mail', pattern: '^[^@\\s/:]+@[^@\\s/:]+\\.[^@\\s/:]+$', formatHint: 'is the e-mail address of the agent the token belongs to', visible: true, example: 'agent@example.com'},
    {name: 'apiToken', label: 'Zendesk API token', pattern: '^[A-Za-z0-9]{20,}$', formatHint: 'is letters and digits, from Admin Center > Apps and integrations > APIs'},
  ],
  check: {
    url: 'https://{subdomain}.zendesk.com/api/v2/users/me.json',
    method: 'GET',
    present: {basic: {user: '{email}/token', password: '{apiToken}'}},
    when: [{status: 200, field: 'user.id', is: null, result: 'refused'}],
  },
};
