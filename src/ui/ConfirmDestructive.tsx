import {Banner, Box, Button} from '@stripe/ui-extension-sdk/ui';
import type {Confirmation} from './useConfirm';

interface ConfirmProps {
  title: string;
  consequence: string;
  /** The destructive button's text. */
  confirmLabel: string;
  /** The button that backs out; named for what it keeps, so that no two questions on a page offer the same "Cancel". */
  cancelLabel: string;
  /** From useConfirm: nothing is drawn until it asks. */
  confirmation: Confirmation;
}

/**
 * The second step of anything that cannot be undone: nothing happens until the
 * user confirms here. Only this step's button is destructive (red); the button
 * that asks is not, so the colour marks the press that acts.
 */
export function ConfirmDestructive({title, consequence, confirmLabel, cancelLabel, confirmation}: ConfirmProps) {
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
            {cancelLabel}
          </Button>
        </Box>
      }
    />
  );
}

/** The button that asks before deleting a stored key: "Delete <label>…" (the ellipsis: it asks first). */
export const askDeleteLabel = (label: string) => `Delete ${label}…`;

/** Deleting a stored key: "Delete <label>?" / "Delete <label>" / "Keep <label>". */
export function ConfirmDelete({label, ...rest}: Omit<ConfirmProps, 'title' | 'confirmLabel' | 'cancelLabel'> & {label: string}) {
  return <ConfirmDestructive title={`Delete ${label}?`} confirmLabel={`Delete ${label}`} cancelLabel={`Keep ${label}`} {...rest} />;
}
