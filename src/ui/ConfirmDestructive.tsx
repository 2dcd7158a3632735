import {Banner, Box, Button} from '@stripe/ui-extension-sdk/ui';
import type {Confirmation} from './useConfirm';

interface ConfirmProps {
  title: string;
  consequence: string;
  /** The destructive button's text. */
  confirmLabel: string;
  /** From useConfirm: nothing is drawn until it asks. */
  confirmation: Confirmation;
}

/** The second step of anything that cannot be undone: nothing happens until the user confirms here. */
export function ConfirmDestructive({title, consequence, confirmLabel, confirmation}: ConfirmProps) {
  if (confirmation.phase === 'idle') return null;
  const pending = confirmation.phase === 'running';
  return (
    <Banner
      type="caution"
      title={title}
      description={consequence}
      actions={
        <Box css={{stack: 'x', gap: 'small'}}>
          <Button type="destructive" pending={pending} onPress={confirmation.confirm}>
            {confirmLabel}
          </Button>
          <Button disabled={pending} onPress={confirmation.cancel}>
            Cancel
          </Button>
        </Box>
      }
    />
  );
}

/** Deleting a stored key: "Delete the <label>?" / "Delete <label>". */
export function ConfirmDelete({label, ...rest}: Omit<ConfirmProps, 'title' | 'confirmLabel'> & {label: string}) {
  return <ConfirmDestructive title={`Delete the ${label}?`} confirmLabel={`Delete ${label}`} {...rest} />;
}
