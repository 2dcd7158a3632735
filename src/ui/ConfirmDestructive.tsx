import {Banner, Button} from '@stripe/ui-extension-sdk/ui';
import type {Confirmation} from './useConfirm';

/** The words of one irreversible step. */
export interface ConfirmWording {
  /** The question shown while asking, e.g. "Delete Acme API key?". */
  title: string;
  consequence: string;
  /** The button that asks (not red: it only asks), e.g. "Delete Acme API key…". */
  askLabel: string;
  /** The destructive button's text. */
  confirmLabel: string;
  /** The button that backs out; named for what it keeps, so that no two questions on a page offer the same "Cancel". */
  cancelLabel: string;
}

interface ButtonsProps {
  wording: ConfirmWording;
  /** From useConfirm; its `ask` and `cancel` may be wrapped to drop a message the step makes stale. */
  confirmation: Confirmation;
  /** Another action of the same thing is under way. */
  disabled?: boolean;
  size?: 'small' | 'medium';
}

/**
 * The buttons of anything that cannot be undone. A view cannot move focus to
 * a button (SDK 9.3 Buttons have no autoFocus), so the keyboard keeps its
 * place by the button staying put: the button that asks becomes the one that
 * backs out (focus stays on it, on the safe choice), the red one that acts
 * appears right after it, and backing out turns it back into the button that
 * asks. A second Enter on the asking button therefore never deletes.
 */
export function ConfirmButtons({wording, confirmation, disabled, size}: ButtonsProps) {
  const asking = confirmation.phase !== 'idle';
  const running = confirmation.phase === 'running';
  return (
    <>
      <Button size={size} disabled={disabled || running} onPress={asking ? confirmation.cancel : confirmation.ask}>
        {asking ? wording.cancelLabel : wording.askLabel}
      </Button>
      {asking ? (
        <Button type="destructive" size={size} pending={running} onPress={confirmation.confirm}>
          {wording.confirmLabel}
        </Button>
      ) : null}
    </>
  );
}

/** The question and what answering yes does, shown while asking; the buttons are ConfirmButtons, kept where the asking button was. */
export function ConfirmQuestion({wording, confirmation}: Pick<ButtonsProps, 'wording' | 'confirmation'>) {
  if (confirmation.phase === 'idle') return null;
  return <Banner type="caution" title={wording.title} description={wording.consequence} />;
}

/** The button that asks before deleting a stored key: "Delete <label>…" (the ellipsis: it asks first). */
export const askDeleteLabel = (label: string) => `Delete ${label}…`;

/** Deleting a stored key: "Delete <label>…" / "Delete <label>?" / "Delete <label>" / "Keep <label>". */
export function deleteWording(label: string, consequence: string): ConfirmWording {
  return {title: `Delete ${label}?`, consequence, askLabel: askDeleteLabel(label), confirmLabel: `Delete ${label}`, cancelLabel: `Keep ${label}`};
}
