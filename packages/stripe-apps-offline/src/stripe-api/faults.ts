/**
 * A switch that makes the store fail on purpose, so views can be tested
 * against a real 429, 5xx or dropped connection rather than a mocked one.
 *
 * In-process only: the CLI never turns it on, and no HTTP route reaches it.
 * A faulted request is answered before it is parsed or routed, so it changes
 * nothing in the store.
 */
import {ApiError} from './errors';

export type Fault =
  | {kind: 'rate-limited'} // 429, as Stripe's rate limiter answers
  | {kind: 'server-error'; status?: 500 | 502 | 503} // an API error
  | {kind: 'permission-denied'} // 403, as for an app installed without secret_write
  | {kind: 'drop'}; // the connection closes with no answer

export interface FaultRule {
  fault: Fault;
  /** Only requests with this method (default: any). */
  method?: 'GET' | 'POST';
  /** Only this path, without its query (default: any). */
  path?: string;
  /** How many matching requests fail before the rule lapses (default: every one until cleared). */
  times?: number;
}

export class FaultSwitch {
  private rules: FaultRule[] = [];

  /** Adds a rule; the first matching rule wins. */
  inject(rule: FaultRule): void {
    this.rules.push({...rule});
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any, consuming one use of its rule. */
  take(method: string, path: string): Fault | null {
    const index = this.rules.findIndex((r) => (!r.method || r.method === method) && (!r.path || r.path === path));
    if (index === -1) return null;
    const rule = this.rules[index];
    if (rule.times !== undefined && --rule.times <= 0) this.rules.splice(index, 1);
    return rule.fault;
  }
}

export function faultError(fault: Exclude<Fault, {kind: 'drop'}>): ApiError {
  if (fault.kind === 'rate-limited') {
    return new ApiError(
      429,
      'invalid_request_error',
      'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.',
      'rate_limit',
    );
  }
  if (fault.kind === 'permission-denied') {
    return new ApiError(
      403,
      'invalid_request_error',
      'The app does not have the required permissions for this endpoint (secret_write).',
    );
  }
  return new ApiError(fault.status ?? 500, 'api_error', 'An unexpected error occurred (a fault injected by the local Secret Store).');
}
