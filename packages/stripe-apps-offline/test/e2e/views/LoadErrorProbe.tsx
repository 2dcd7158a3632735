/**
 * A test-only view whose module throws while it loads, before any render: as
 * a view does that builds a client at import time from something the realm
 * lacks (Stripe's older samples read process.env there).
 */
import {ContextView} from '@stripe/ui-extension-sdk/ui';

function clientFromEnvironment(): string {
  throw new Error('No client for this realm');
}

const client = clientFromEnvironment();

const LoadErrorProbe = () => <ContextView title="Never drawn">{client}</ContextView>;

export default LoadErrorProbe;
