/**
 * Mailchimp's Marketing API root, GET https://<dc>.api.mailchimp.com/3.0/, as
 * Mailchimp documents it: Basic with any user name and the key as the
 * password; the host's data centre must be the key's own (here the path
 * segment after /as/mailchimp/); 200 with the account, 401 problem+json
 * "API Key Invalid" otherwise.
 */
import {basicOf, outage, verdictFor, type KeyService} from './types';

const invalid = (detail: string) => ({status: 401, body: {type: 'https://mailchimp.com/developer/marketing/docs/errors/', title: 'API Key Invalid', status: 401, detail, instance: ''}});

export const mailchimp: KeyService = {
  name: 'mailchimp',
  localCheckUrl: '/{dc}/3.0/',
  answer({method, path, headers}) {
    const dc = /^\/([a-z]+[0-9]{1,3})\/3\.0\/$/.exec(path)?.[1];
    if (method !== 'GET' || !dc) return {status: 404, body: {title: 'Resource Not Found', status: 404}};
    const key = basicOf(headers)?.password ?? null;
    const verdict = verdictFor(key, /^[0-9a-f]{32}-[a-z]+[0-9]{1,3}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return invalid('Your API key may be invalid, or you\u2019ve attempted to access the wrong datacenter.');
    if (!key?.endsWith(`-${dc}`)) return invalid('You\u2019ve attempted to access the wrong datacenter.');
    return {status: 200, body: {account_id: 'local', account_name: 'Local audience'}};
  },
};
