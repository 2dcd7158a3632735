/**
 * POST /v1/keys/test {name}: checks the account's stored key for one slot with
 * the third party, and answers how it went — never the key, never what the
 * third party said. Where the key goes comes from this backend's own
 * manifest (constants.keyChecks); a view only names the slot.
 */
import {readAccountKey} from '../credentials';
import {BackendError} from '../errors';
import {runKeyCheck} from '../keyChecks';
import type {ManifestConstants} from '../../src/manifestConstants';
import {readKeyChecks, type KeyTestAnswer} from '../../src/settings/keyChecks';
import type {RouteHandler} from './types';

const SLOT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export const testKey: RouteHandler = async ({body, config, secrets}) => {
  const {name} = body;
  if (typeof name !== 'string' || !SLOT_NAME.test(name)) {
    throw new BackendError('bad-request', 'Name the key slot to test, e.g. {"name": "acme_api_key"}.');
  }
  // Parsed from the manifest's JSON: the same values the views receive as environment.constants.
  const {checks, problems} = readKeyChecks(config.constants as ManifestConstants);
  const check = checks.get(name);
  if (!check) {
    const problem = problems.find((p) => p.startsWith(`constants.keyChecks.${name}.`) || p.startsWith(`constants.keyChecks.${name} `));
    throw new BackendError(
      'bad-request',
      problem
        ? `The key check for "${name}" is declared wrongly in this backend's stripe-app.json: ${problem}`
        : `This backend's stripe-app.json declares no check for "${name}" (constants.keyChecks).`,
    );
  }
  const key = await readAccountKey(secrets.account, name);
  if (key === null) return {result: 'not-set', checked_at: Math.floor(Date.now() / 1000)} satisfies KeyTestAnswer;
  const outcome = await runKeyCheck(check, key);
  return {...outcome, checked_at: Math.floor(Date.now() / 1000)} satisfies KeyTestAnswer;
};
