/**
 * Segment (Twilio Segment) Public API: a workspace's token (sgp_…), sent as
 * a bearer token, and the workspace's region, which picks the host
 * (api.segmentapis.com or eu1.api.segmentapis.com). The check is Segment's
 * own test request, GET / (the token's workspace): 200 when it works, 401
 * for a missing, wrong or unpermitted token.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Segment Public API docs, "Getting Started" (the US and EU hosts, GET / as the test
 * request, shown once), "Authentication" (Bearer; one workspace per token), "Error Handling" (401).
 * Unconfirmed: the sgp_ prefix (secret scanners only; the 64 characters after it are not checked);
 * that every role may read the workspace root.
 */
export const segment: KeyPreset = {
  service: 'Segment',
  label: 'Segment Public API token',
  description: "Lets the app manage your Segment workspace's sources and destinations.",
  helpUrl: 'https://app.segment.com/',
  parts: [
    {name: 'token', label: 'Segment Public API token', pattern: '^sgp_[A-Za-z0-9]{20,}$', formatHint: 'starts with sgp_ (a source write key is not a Public API token)'},
    {
      name: 'region',
      label: 'Segment workspace region',
      choices: [
        {value: 'api', label: 'US (api.segmentapis.com)'},
        {value: 'eu1.api', label: 'EU (eu1.api.segmentapis.com)'},
      ],
    },
  ],
  check: {url: 'https://{region}.segmentapis.com/', method: 'GET', present: {bearer: '{token}'}, refused: [401]},
};
