/**
 * What the settings page and the Connections panel share:
 *
 *   Busy                            a spinner with a line saying what is being waited for
 *   useConfirm ─▶ ConfirmDestructive  ask, then confirm or cancel, anything that cannot be undone
 *                 └ ConfirmDelete     its wording for deleting a stored key
 */
export {Busy} from './Busy';
export {ConfirmDelete, ConfirmDestructive} from './ConfirmDestructive';
export {useConfirm} from './useConfirm';
