/**
 * A test-only view (never shipped) that imports through the project's
 * tsconfig `paths` alias, as a forked app's views do.
 */
import {Box, ContextView} from '@stripe/ui-extension-sdk/ui';
import {GREETING} from '#test-views/aliased/greeting';

const AliasProbe = () => (
  <ContextView title="Alias probe">
    <Box>{GREETING}</Box>
  </ContextView>
);

export default AliasProbe;
