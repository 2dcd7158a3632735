import {Banner, Box, Button} from '@stripe/ui-extension-sdk/ui';

interface ConfirmProps {
  title: string;
  consequence: string;
  /** The destructive button's text. */
  confirmLabel: string;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** The second step of anything that cannot be undone: nothing happens until the user confirms here. */
export function ConfirmDestructive({title, consequence, confirmLabel, pending, onConfirm, onCancel}: ConfirmProps) {
  return (
    <Banner
      type="caution"
      title={title}
      description={consequence}
      actions={
        <Box css={{stack: 'x', gap: 'small'}}>
          <Button type="destructive" pending={pending} onPress={onConfirm}>
            {confirmLabel}
          </Button>
          <Button disabled={pending} onPress={onCancel}>
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
