/** The declared key slots and the page's own checks, as plain functions. */
import manifest from '../fixtures/app/stripe-app.json';
import {readKeySlots} from '../../src/settings/keySlots';
import {checkKeyInput, parseExpiryDay} from '../../src/settings/keyInput';
import {keyStatus} from '../../src/settings/keyStatus';

// JSON imports widen optional fields to `undefined`, which the SDK's JSON type does not allow.

test('the manifest ships two valid example slots', () => {
  const {slots, problems} = readKeySlots(manifest.constants as never);
  expect(problems).toEqual([]);
  expect(slots.map((s) => s.name)).toEqual(['acme_api_key', 'shipping_webhook_secret']);
  expect(slots[0]).toMatchObject({required: true, helpUrl: expect.stringMatching(/^https:\/\//)});
  expect(slots[0].parts).toHaveLength(1);
  expect(slots[0].parts[0].pattern?.test('sk_test_abcdefgh')).toBe(true);
});

test.each([
  [undefined, /no constants.keySlots/],
  [{keySlots: 'acme'}, /must be a list/],
  [{keySlots: [1]}, /keySlots\[0\] must be an object/],
  [{keySlots: [{name: 'a'}, {name: 'a'}]}, /"a" is declared twice/],
  [{keySlots: [{name: 'a', helpUrl: 'http://insecure.example/keys'}]}, /helpUrl must start with https/],
])('a mistake in %j is reported: %s', (constants, problem) => {
  expect(readKeySlots(constants as never).problems.join(' ')).toMatch(problem);
});

test('expiry days are real calendar days, at the start of the day UTC', () => {
  expect(parseExpiryDay('')).toBeNull();
  expect(parseExpiryDay('2027-03-01')).toBe(Date.UTC(2027, 2, 1) / 1000);
  expect(parseExpiryDay('2027-02-29')).toBeUndefined();
  expect(parseExpiryDay('1/3/2027')).toBeUndefined();
});

test('a value is trimmed before it is checked and saved', () => {
  const slot = readKeySlots(manifest.constants as never).slots[0];
  expect(checkKeyInput(slot, {key: ' sk_test_abcdefgh\n'}, '', 0)).toEqual({ok: true, payload: 'sk_test_abcdefgh', expiresAt: null});
});

test('a key expiring within 7 days is flagged, a later one is not', () => {
  const now = 1_800_000_000;
  const secret = {id: 'appsecret_1', name: 'n', created: now - 100, livemode: false};
  expect(keyStatus({...secret, expiresAt: now + 6 * 86400}, now).kind).toBe('expiring-soon');
  expect(keyStatus({...secret, expiresAt: now + 8 * 86400}, now).kind).toBe('expires');
  expect(keyStatus({...secret, expiresAt: null}, now).kind).toBe('set');
  expect(keyStatus(null, now).kind).toBe('not-set');
});
