/**
 * POST /v1/keys/test {name}: checks the account's stored key for one slot with
 * the third party, and answers how it went — never the key, never what the
 * third party said. Where the key goes comes from this backend's own
 * manifest (the slot's preset, or constants.keyChecks); a view only names the slot.
 */
import {BackendError} from '../errors';
import {runKeyCheck} from '../keyChecks';
import type {ManifestConstants} from '../../src/manifestConstants';
import {parseCredential, partProblems, templateValues} from '../../src/settings/credential';
import type {KeyTestAnswer} from '../../src/settings/keyChecks';
import {readKeySlots} from '../../src/settings/keySlots';
import type {RouteHandler} from './types';

const SLOT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export const testKey: RouteHandler = async ({body, config, secrets}) => {
  const {name} = body;
  if (typeof name !== 'string' || !SLOT_NAME.test(name)) {
    throw new BackendError('bad-request', 'Name the key slot to test, e.g. {"name": "acme_api_key"}.');
  }
  // Parsed from the manifest's JSON: the same values the views receive as environment.constants.
  const {slots, problems} = readKeySlots(config.constants as ManifestConstants);
  const slot = slots.find((s) => s.name === name);
  const check = slot?.check;
  if (!slot || !check) {
    const problem = problems.find((p) => p.startsWith(`constants.keyChecks.${name}.`) || p.startsWith(`constants.keyChecks.${name} `) || p.includes(`(${name}`));
    throw new BackendError(
      'bad-request',
      problem
        ? `The key check for "${name}" is declared wrongly in this backend's stripe-app.json: ${problem}`
        : `This backend's stripe-app.json declares no check for "${name}" (a preset's, or constants.keyChecks).`,
    );
  }
  const checkedAt = () => Math.floor(Date.now() / 1000);
  const payload = await secrets.account.read(name);
  if (payload === null) return {result: 'not-set', checked_at: checkedAt()} satisfies KeyTestAnswer;
  // Every part checked again here: a check may put one in its URL, and any user of the account can write the secret.
  const credential = parseCredential(slot, payload);
  const values = credential && Object.keys(partProblems(slot, credential)).length === 0 ? templateValues(slot, credential) : null;
  if (!credential || !values) throw new BackendError('bad-request', `The stored ${slot.label} is not of the form this slot takes, or holds line breaks or other characters that cannot be sent to check it: save it again.`);
  const outcome = await runKeyCheck(check, {...values, key: credential[slot.parts[0].name]});
  return {...outcome, checked_at: checkedAt()} satisfies KeyTestAnswer;
};
