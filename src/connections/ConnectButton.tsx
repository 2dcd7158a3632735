import {Box, Button} from '@stripe/ui-extension-sdk/ui';
import type {AuthorizeLink} from './useAuthorizeLink';
import {Busy} from '../ui';

interface Props {
  provider: string;
  link: AuthorizeLink;
  label?: string;
  onOpened(): void;
}

/** Opens the provider's sign-in page in a new tab, as the Dashboard requires. */
export function ConnectButton({provider, link, label, onOpened}: Props) {
  if (link.status === 'failed') {
    return <Box css={{color: 'critical'}}>The Dashboard could not start a sign-in. Close and reopen this panel to try again.</Box>;
  }
  if (link.status === 'needs-input') {
    // Still a button, so the keyboard reaches it; pressed, it points at the field that is missing.
    return (
      <Button type="primary" onPress={link.attempted}>
        {label ?? `Connect to ${provider}`}
      </Button>
    );
  }
  if (link.status === 'preparing') {
    return <Busy size="small">Preparing the sign-in link…</Busy>;
  }
  return (
    <Button type="primary" href={link.href} target="_blank" onPress={onOpened}>
      {label ?? `Connect to ${provider}`}
    </Button>
  );
}
