/**
 * PostHog: a personal API key (phx_…), sent as a bearer token, and the
 * cloud region, which picks the host (us.posthog.com or eu.posthog.com; a
 * key from one region is unknown in the other). The check reads the key's
 * own user: 200 when it works, 401 when it is wrong. A 403 is a genuine key
 * whose scopes leave out user:read, so it counts as working.
 */
import type {KeyPreset} from './types';

/**
 * Sources: PostHog docs, "Personal API keys" (phx_ prefix in its example, shown once, scoped,
 * the settings/user-api-keys page), "API overview" (the us./eu.posthog.com private hosts; Bearer),
 * "Users" (GET /api/users/@me/, scope user:read).
 * Unconfirmed: the statuses for a wrong key (401) and a key without user:read (403: no PostHog page
 * says so; SDK issues report 401); the key's length; self-hosted instances (a fork changes the
 * check's url through constants.keyChecks).
 */
export const posthog: KeyPreset = {
  service: 'PostHog',
  label: 'PostHog personal API key',
  description: 'Lets the app read your PostHog projects.',
  helpUrl: 'https://us.posthog.com/settings/user-api-keys',
  parts: [
    {name: 'personalApiKey', label: 'PostHog personal API key', pattern: '^phx_[A-Za-z0-9]{20,}$', formatHint: 'starts with phx_ (a project key, phc_, is not enough)'},
    {
      name: 'region',
      label: 'PostHog Cloud region',
      choices: [
        {value: 'us', label: 'US Cloud (us.posthog.com)'},
        {value: 'eu', label: 'EU Cloud (eu.posthog.com)'},
      ],
    },
  ],
  check: {url: 'https://{region}.posthog.com/api/users/@me/', method: 'GET', present: {bearer: '{personalApiKey}'}, works: [200, 403], refused: [401]},
};
