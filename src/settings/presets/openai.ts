/**
 * OpenAI: one secret API key (project keys sk-proj-…, older user keys sk-…,
 * service-account keys sk-svcacct-…), sent as a bearer token. The check lists
 * the models, which costs nothing: 200 when the key works, 401 when it is
 * wrong or revoked.
 */
import type {KeyPreset} from './types';

/**
 * Sources: OpenAI API reference, "Authentication" (bearer) and "List models" (GET /v1/models);
 * OpenAI, "Error codes" (401 for an invalid key, 403 for an unsupported region, 429 for quota).
 * Unconfirmed: the sk- prefixes (only in secret scanners and SDK pull requests); the
 * platform.openai.com/api-keys address; whether a key without the Models permission gets 403 here
 * (then it reads as refused). A 403 for an unsupported country also reads as refused.
 */
export const openai: KeyPreset = {
  service: 'OpenAI',
  label: 'OpenAI API key',
  description: 'Lets the app call OpenAI on this account\u2019s behalf.',
  helpUrl: 'https://platform.openai.com/api-keys',
  parts: [{name: 'apiKey', label: 'OpenAI API key', pattern: '^sk-[A-Za-z0-9_-]{20,}$', formatHint: 'starts with sk- (a project key starts with sk-proj-)'}],
  check: {url: 'https://api.openai.com/v1/models', method: 'GET', present: {bearer: '{apiKey}'}},
};
