/**
 * A provider's refusal is read as the refusal it is, whatever the HTTP status:
 * GitHub answers a used code or a wrong client secret with HTTP 200 and an
 * `error` body (its "Troubleshooting OAuth app access token request errors"),
 * Slack with `{"ok": false, "error": …}`. GitHub cannot run here, so the token
 * endpoint is a fetch function answering as those docs say.
 */
import {exchangeCode, identityFrom, ProviderError, refreshTokens} from '../../src/oauth';
import {connectFailureNotice, disconnectNotice} from '../../src/connections/connectionMessages';
import {FAKE_PROVIDER} from '../support/fakeOAuthProvider';

/** A token endpoint that answers every request with `status` and `body`. */
const answering = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});

const exchange = (fetchImpl: typeof fetch) => exchangeCode(FAKE_PROVIDER, 'test', {code: 'c0de', verifier: 'v'.repeat(43)}, fetchImpl).catch((e: unknown) => e as ProviderError);

test("a used or expired code, sent with HTTP 200 as GitHub does, is the sign-in's refusal, not an outage", async () => {
  const error = await exchange(answering(200, {error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.', error_uri: '/x'}));
  expect(error).toBeInstanceOf(ProviderError);
  expect(error).toMatchObject({kind: 'invalid-grant', code: 'bad_verification_code', status: 200});
  expect(connectFailureNotice('GitHub', error).message).toBe('GitHub refused this sign-in: its code was already used or has expired. Nothing was stored. Connect again to start a new sign-in.');
});

test("a wrong client secret, sent with HTTP 200, is a refusal naming GitHub's code, so the developer knows what to fix", async () => {
  const error = await exchange(answering(200, {error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.'}));
  expect(error).toMatchObject({kind: 'refused', code: 'incorrect_client_credentials'});
  expect(connectFailureNotice('GitHub', error).message).toContain('refused the token request (incorrect_client_credentials)');
  // The provider's own description is never shown: some providers echo what was sent.
  expect(connectFailureNotice('GitHub', error).message).not.toContain('client_secret passed');
});

test("Slack's {ok: false, error} is read the same way", async () => {
  expect(await exchange(answering(200, {ok: false, error: 'invalid_client_id'}))).toMatchObject({kind: 'refused', code: 'invalid_client_id'});
});

test("a refresh token GitHub no longer accepts is the grant's refusal (the panel asks to reconnect)", async () => {
  const error = await refreshTokens(FAKE_PROVIDER, 'refresh-token-value', answering(200, {error: 'bad_refresh_token'})).catch((e: unknown) => e);
  expect(error).toMatchObject({kind: 'invalid-grant', code: 'bad_refresh_token'});
});

test('an answer with neither a token nor an error code is still an unreadable answer; a real token answer still works', async () => {
  expect(await exchange(answering(200, {ok: false}))).toMatchObject({kind: 'unavailable', status: 200});
  expect(await exchange(answering(200, {access_token: 'gho_x', token_type: 'bearer', scope: 'repo'}))).toMatchObject({access_token: 'gho_x'});
});

test("Slack's user token is read from under authed_user; an answer without it is unreadable", async () => {
  const slack = {...FAKE_PROVIDER, tokenPath: 'authed_user'};
  const answer = {ok: true, access_token: 'xoxb-bot', token_type: 'bot', authed_user: {id: 'U1', scope: 'users:read', access_token: 'xoxp-user', token_type: 'user'}};
  expect(await exchangeCode(slack, 'test', {code: 'c0de', verifier: 'v'.repeat(43)}, answering(200, answer))).toMatchObject({access_token: 'xoxp-user', scope: 'users:read'});
  await expect(exchangeCode(slack, 'test', {code: 'c0de', verifier: 'v'.repeat(43)}, answering(200, {ok: true, access_token: 'xoxb-bot', token_type: 'bot'}))).rejects.toMatchObject({kind: 'unavailable'});
});

test("an identity call refused with HTTP 200 and ok: false (Slack's invalid_auth) is a refused token, so the panel renews or asks to reconnect", async () => {
  const refused = new Response(JSON.stringify({ok: false, error: 'invalid_auth'}), {status: 200, headers: {'content-type': 'application/json'}});
  await expect(identityFrom(refused)).rejects.toMatchObject({kind: 'invalid-token', code: 'invalid_auth'});
  const other = new Response(JSON.stringify({ok: false, error: 'ratelimited'}), {status: 200});
  await expect(identityFrom(other)).rejects.toMatchObject({kind: 'unavailable'});
  expect(await identityFrom(new Response(JSON.stringify({ok: true, user: 'ada', user_id: 'U1'})))).toEqual({name: 'ada', kept: {}});
});

test('a disconnect the view could not revoke says why: no revocation at all, or one only the backend can make', () => {
  expect(disconnectNotice('Atlassian', 'not-supported', 'https://id.atlassian.com/manage-profile/apps').message).toBe(
    'The connection was removed from Stripe. Atlassian offers no way for apps to revoke access; remove it at https://id.atlassian.com/manage-profile/apps if you wish.',
  );
  expect(disconnectNotice('GitHub', 'not-supported', 'https://github.com/settings/applications', true).message).toBe(
    'The connection was removed from Stripe. GitHub lets an app revoke its access only from its own server, which this connection does not use; remove it at https://github.com/settings/applications if you wish.',
  );
});
