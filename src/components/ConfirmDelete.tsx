import {Banner, Box, Button} from '@stripe/ui-extension-sdk/ui';

interface Props {
  label: string;
  consequence: string;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** The second step of a delete: nothing is removed until the user confirms here. */
export function ConfirmDelete({label, consequence, pending, onConfirm, onCancel}: Props) {
  return (
    <Banner
      type="caution"
      title={`Delete the ${label}?`}
      description={consequence}
      actions={
        <Box css={{stack: 'x', gap: 'small'}}>
          <Button type="destructive" pending={pending} onPress={onConfirm}>
            Delete {label}
          </Button>
          <Button disabled={pending} onPress={onCancel}>
            Cancel
          </Button>
        </Box>
      }
    />
  );
}
