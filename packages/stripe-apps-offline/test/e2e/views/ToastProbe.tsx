/**
 * A test-only view that uses everything showToast hands back: a toast with an
 * action, the controller's update (message, type, action) and dismiss, and a
 * pending toast, which the Dashboard keeps until the view dismisses it.
 */
import {Box, Button, ContextView} from '@stripe/ui-extension-sdk/ui';
import {showToast} from '@stripe/ui-extension-sdk/utils';
import {useRef, useState} from 'react';

type Controller = Awaited<ReturnType<typeof showToast>>;

const ToastProbe = () => {
  const [actions, setActions] = useState(0);
  const shown = useRef<Controller | null>(null);
  const pending = useRef<Controller | null>(null);
  const onAction = () => setActions((n) => n + 1);
  return (
    <ContextView title="Toasts">
      <Box css={{stack: 'y', gap: 'small'}}>
        <Button onPress={() => void showToast('Item deleted', {action: 'Undo', onAction}).then((c) => (shown.current = c))}>Show with action</Button>
        <Button onPress={() => shown.current?.update('Item restored', {type: 'success'})}>Update it</Button>
        <Button onPress={() => shown.current?.update('Deleted again', {action: 'Undo again', onAction})}>Update with action</Button>
        <Button onPress={() => shown.current?.dismiss()}>Dismiss it</Button>
        <Button onPress={() => void showToast('Syncing', {type: 'pending'}).then((c) => (pending.current = c))}>Show pending</Button>
        <Button onPress={() => pending.current?.dismiss()}>Dismiss pending</Button>
        <Box>Actions: {actions}</Box>
      </Box>
    </ContextView>
  );
};

export default ToastProbe;
