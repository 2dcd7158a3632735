/**
 * Mailchimp (Marketing API): one API key whose end names its data centre
 * (…-us21), which is also the API's host, https://us21.api.mailchimp.com. The
 * key goes as HTTP Basic's password (any user name). The check reads the
 * account root, which needs the key: 200 when it works, 401 when it does not.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Mailchimp, "Marketing API conventions" (Basic with any user name and the key as the
 * password; the <dc> host); the older "Get started with the MailChimp API 3.0" guide (the key's
 * last part is the data centre).
 * Unconfirmed: the 32-hexadecimal body of the key; data centres other than usNN; 401 for a wrong key
 * (reported by third parties); the admin.mailchimp.com/account/api/ address. GET /3.0/ is used rather
 * than /3.0/ping, which Mailchimp says returns nothing of the account.
 */
export const mailchimp: KeyPreset = {
  service: 'Mailchimp',
  label: 'Mailchimp API key',
  description: 'Lets the app manage your Mailchimp audiences.',
  helpUrl: 'https://admin.mailchimp.com/account/api/',
  parts: [{name: 'apiKey', label: 'Mailchimp API key', pattern: '^[0-9a-f]{32}-[a-z]+[0-9]{1,3}$', formatHint: 'is 32 hexadecimal characters, a dash and your data centre, such as -us21'}],
  derive: {dc: {from: 'apiKey', pattern: '-([a-z]+[0-9]{1,3})$'}},
  check: {url: 'https://{dc}.api.mailchimp.com/3.0/?fields=account_id', method: 'GET', present: {basic: {user: 'keyring', password: '{apiKey}'}}},
};
