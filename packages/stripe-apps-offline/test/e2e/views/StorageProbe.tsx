/**
 * A test-only view (never shipped), shown as both the settings page and the
 * drawer: what one writes with useStorage the other sees at once, as in the Dashboard.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {useStorage} from '@stripe/ui-extension-sdk/data';
import {Box, Button} from '@stripe/ui-extension-sdk/ui';

const StorageProbe = ({environment}: ExtensionContextValue) => {
  const [shared, setShared] = useStorage('storage-probe-shared');
  return (
    <Box css={{stack: 'y', gap: 'small'}}>
      <Box>Shared: {shared ?? 'none'}</Box>
      <Button onPress={() => setShared(`written in ${environment.viewportID}`)}>Write here</Button>
    </Box>
  );
};

export default StorageProbe;
