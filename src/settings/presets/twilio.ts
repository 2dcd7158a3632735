/**
 * Twilio: the Account SID (AC and 32 hexadecimal digits, not secret) and its
 * Auth Token, in one secret, sent as HTTP Basic (SID as the user, token as the
 * password). The check fetches the account itself: 200 when the pair works,
 * 401 (Twilio's 20003) when it does not; 403 (20403) is a suspended account.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Twilio, "Requests to Twilio" (Basic with the Account SID and Auth Token, or an API key's
 * SID and secret); "Account resource" (GET /2010-04-01/Accounts/{Sid}.json, the SID's pattern
 * ^AC[0-9a-fA-F]{32}$); error pages 20003 and 20403.
 * Unconfirmed: the Auth Token's form (32 hexadecimal digits in practice; not checked here, so a
 * token of another form is not refused); the Console's address. API keys (SK…) cannot read
 * /Accounts, so this preset takes the Auth Token, not an API key.
 */
export const twilio: KeyPreset = {
  service: 'Twilio',
  label: 'Twilio credentials',
  description: 'Lets the app send messages through your Twilio account.',
  helpUrl: 'https://console.twilio.com/',
  parts: [
    {name: 'accountSid', label: 'Account SID', pattern: '^AC[0-9a-fA-F]{32}$', formatHint: 'starts with AC followed by 32 hexadecimal digits', visible: true, example: 'AC0123456789abcdef0123456789abcdef'},
    {name: 'authToken', label: 'Auth Token'},
  ],
  check: {url: 'https://api.twilio.com/2010-04-01/Accounts/{accountSid}.json', method: 'GET', present: {basic: {user: '{accountSid}', password: '{authToken}'}}},
};
