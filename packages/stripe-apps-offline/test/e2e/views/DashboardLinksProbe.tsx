/**
 * A test-only view with plain Dashboard URLs as hrefs, the way views link to
 * Stripe objects without route descriptors (Stripe's
 * linking-different-stripe-object sample builds them from the mode).
 */
import {Box, ContextView, Link} from '@stripe/ui-extension-sdk/ui';

const DashboardLinksProbe = () => (
  <ContextView title="Dashboard links">
    <Box css={{stack: 'y', gap: 'small'}}>
      <Link href="https://dashboard.stripe.com/test/customers/cus_9">Customer by URL</Link>
      <Link href="https://dashboard.stripe.com/acct_1Other/customers/cus_5">Customer with account</Link>
      <Link href="https://dashboard.stripe.com/test/payments">Payments by URL</Link>
      <Link href="https://dashboard.stripe.com/settings/team">Team settings</Link>
    </Box>
  </ContextView>
);

export default DashboardLinksProbe;
