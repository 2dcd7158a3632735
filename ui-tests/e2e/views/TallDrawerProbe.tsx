/**
 * A test-only view (never shipped) taller than any window: the layout test
 * opens it in the drawer to see the drawer scroll on its own.
 */
import {Box, Button, ContextView} from '@stripe/ui-extension-sdk/ui';

const TallDrawerProbe = () => (
  <ContextView title="Tall drawer probe">
    <Box css={{stack: 'y', gap: 'medium'}}>
      {Array.from({length: 60}, (_, i) => (
        <Box key={i}>Line {i + 1} of a long drawer</Box>
      ))}
      <Button>Bottom of the drawer</Button>
    </Box>
  </ContextView>
);

export default TallDrawerProbe;
