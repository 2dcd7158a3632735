/**
 * A test-only view (never shipped) whose dependency needs Node's `fs`, which
 * no view can have: the preview must name that package.
 */
import 'graceful-fs';
import {Box} from '@stripe/ui-extension-sdk/ui';

const NodeDependencyProbe = () => <Box>never drawn</Box>;

export default NodeDependencyProbe;
