/**
 * Twilio's GET /2010-04-01/Accounts/{Sid}.json, as Twilio documents it: Basic
 * with the Account SID as the user and the Auth Token as the password; 200
 * with the account, 401 with Twilio's error 20003 for a wrong pair or a path
 * naming another account.
 */
import {basicOf, outage, verdictFor, type KeyService} from './types';

const refused = {status: 401, body: {code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401}};

export const twilio: KeyService = {
  name: 'twilio',
  localCheckUrl: '/2010-04-01/Accounts/{accountSid}.json',
  answer({method, path, headers}) {
    const sid = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\.json$/.exec(path)?.[1];
    if (method !== 'GET' || !sid) return {status: 404, body: {code: 20404, message: 'The requested resource was not found', status: 404}};
    const basic = basicOf(headers);
    if (!basic || basic.user !== sid) return refused;
    const verdict = verdictFor(basic.password, /^[0-9a-fA-F]{32}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return refused;
    return {status: 200, body: {sid, friendly_name: 'Local account', status: 'active', type: 'Full'}};
  },
};
