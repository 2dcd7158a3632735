/** What every signed route is given, and what it answers: a JSON object, or a BackendError thrown. */
import type {BackendConfig} from '../config';
import type {secretsFor} from '../secrets';
import type {SignedCall} from '../signedCall';

export interface RouteContext extends SignedCall {
  config: BackendConfig;
  /** The verified account's scope and the verified user's own scope: nothing else. */
  secrets: ReturnType<typeof secretsFor>;
}

export type RouteHandler = (context: RouteContext) => Promise<Record<string, unknown>>;
