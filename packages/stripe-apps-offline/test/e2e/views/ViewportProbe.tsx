/**
 * A test-only view (never shipped), registered under several viewports by the
 * viewport test: it shows what the Dashboard hands it about where it is.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {Box, ContextView} from '@stripe/ui-extension-sdk/ui';

const ViewportProbe = ({environment}: ExtensionContextValue) => (
  <ContextView title="Viewport probe">
    <Box css={{stack: 'y', gap: 'small'}}>
      <Box>viewportID: {environment.viewportID}</Box>
      <Box>objectContext: {JSON.stringify(environment.objectContext ?? null)}</Box>
    </Box>
  </ContextView>
);

export default ViewportProbe;
