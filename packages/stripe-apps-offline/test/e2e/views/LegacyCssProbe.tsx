/**
 * Test-only view: css keys that older SDKs had (`layout`, `background`) and
 * SDK 9.3's css prop does not, beside ones it does. Samples written for those
 * SDKs still pass them.
 */
import {Box, ContextView, type BoxProps} from '@stripe/ui-extension-sdk/ui';

// Cast: these keys are exactly what SDK 9.3's types refuse, which is the point of the probe.
const legacy = {layout: 'row', background: 'container', gap: 'small'} as unknown as BoxProps['css'];

const LegacyCssProbe = () => (
  <ContextView title="Legacy css">
    <Box css={legacy}>
      <Box>first</Box>
      <Box>second</Box>
    </Box>
    <Box css={{padding: 'medium'}}>a box with known keys only</Box>
  </ContextView>
);

export default LegacyCssProbe;
