/**
 * Anthropic: one secret API key (sk-ant-…), sent in x-api-key with the
 * anthropic-version header every request must carry. The check lists the
 * models: 200 when the key works, 401 (authentication_error) when it does
 * not, 403 (permission_error) for a key not allowed to list them.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Anthropic API docs, "List Models" (GET /v1/models, x-api-key), "Versioning" (the
 * anthropic-version header is required), "Errors" (401 authentication_error, 403 permission_error,
 * 529 overloaded_error: read as unreachable).
 * Unconfirmed: the sk-ant- prefix (third-party pages only); the api.anthropic.com host as a stated
 * sentence (it is in every official example); the console's key page address.
 */
export const anthropic: KeyPreset = {
  service: 'Anthropic',
  label: 'Anthropic API key',
  description: 'Lets the app call Claude on this account\u2019s behalf.',
  helpUrl: 'https://console.anthropic.com/settings/keys',
  parts: [{name: 'apiKey', label: 'Anthropic API key', pattern: '^sk-ant-[A-Za-z0-9_-]{20,}$', formatHint: 'starts with sk-ant-'}],
  check: {url: 'https://api.anthropic.com/v1/models?limit=1', method: 'GET', present: {header: 'x-api-key', value: '{apiKey}'}, headers: {'anthropic-version': '2023-06-01'}},
};
