/**
 * A credential's stored payload: the value itself for a one-part slot, and for
 * several parts the envelope serializeCredential writes. The settings' Test
 * key (parseCredential, knowing the slot) and a fork's backend
 * (readAccountKey → credentialFromPayload, not knowing it) read it alike.
 */
import {credentialFromPayload, parseCredential, serializeCredential, type CredentialShape} from '../../src/settings/credential';

const ONE: CredentialShape = {parts: [{name: 'key', label: 'API key'}]};
const TWILIO: CredentialShape = {parts: [{name: 'accountSid', label: 'Account SID'}, {name: 'authToken', label: 'Auth token'}]};

test('several parts round-trip through the envelope, read with or without the slot', () => {
  const payload = serializeCredential(TWILIO, {accountSid: 'AC123', authToken: 'tok'});
  expect(parseCredential(TWILIO, payload)).toEqual({accountSid: 'AC123', authToken: 'tok'});
  expect(credentialFromPayload(payload)).toEqual({accountSid: 'AC123', authToken: 'tok'});
});

test('one part is the value as pasted, even when it looks like JSON', () => {
  expect(serializeCredential(ONE, {key: 'sk_live_abc'})).toBe('sk_live_abc');
  expect(parseCredential(ONE, '{"keyring_parts":{"key":"x"}}')).toEqual({key: '{"keyring_parts":{"key":"x"}}'});
  expect(credentialFromPayload('sk_live_abc')).toBe('sk_live_abc');
});

test.each([
  ['a single key where parts are expected', 'AC123'],
  ['an envelope missing a part', '{"keyring_parts":{"accountSid":"AC123"}}'],
  ['an envelope whose part is not text', '{"keyring_parts":{"accountSid":"AC123","authToken":7}}'],
  ['an envelope cut short', '{"keyring_parts":{"accountSid":"AC1'],
])('%s is not of the slot’s shape', (_what, payload) => {
  expect(parseCredential(TWILIO, payload)).toBeNull();
});

test('read without the slot, what is not a whole envelope of text parts is the value itself', () => {
  for (const payload of ['{"keyring_parts":{"accountSid":"AC1', '{"keyring_parts":{"a":7}}', '{"other":{"a":"b"}}']) expect(credentialFromPayload(payload)).toBe(payload);
});
