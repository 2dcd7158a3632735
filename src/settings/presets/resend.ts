/**
 * Resend: one API key (re_…), sent as a bearer token; Resend refuses a
 * request without a User-Agent (the backend always sends one). The check
 * lists the domains. A key allowed only to send is answered 401 with
 * restricted_api_key: genuine, so it counts as working. A wrong key is
 * 400, 401 or 403 depending on the page of Resend's docs one reads; all
 * three are refusals.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Resend API reference, introduction (Bearer re_…, the required User-Agent, 401 missing and
 * 403 invalid key), "Errors" (restricted_api_key: "This API key is restricted to only send emails";
 * invalid_api_key; another version of the page gives 400 validation_error), changelog "New API key
 * permissions" (full_access and sending_access).
 * Unconfirmed: the key's length and characters after re_; GET /domains read from a third-party copy of
 * the reference (it is the cheapest read Resend offers).
 */
export const resend: KeyPreset = {
  service: 'Resend',
  label: 'Resend API key',
  description: 'Lets the app send e-mail through your Resend account.',
  helpUrl: 'https://resend.com/api-keys',
  parts: [{name: 'apiKey', label: 'Resend API key', pattern: '^re_[A-Za-z0-9_]{8,}$', formatHint: 'starts with re_'}],
  check: {
    url: 'https://api.resend.com/domains',
    method: 'GET',
    present: {bearer: '{apiKey}'},
    refused: [400, 401, 403],
    when: [{status: 401, field: 'name', is: 'restricted_api_key', result: 'works'}],
  },
};
