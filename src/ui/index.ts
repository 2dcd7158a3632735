/**
 * What the settings page and the Connections panel share:
 *
 *   Busy                            a spinner with a line saying what is being waited for
 *   useConfirm ─▶ ConfirmDestructive  ask, then confirm or cancel, anything that cannot be undone
 *                 └ ConfirmDelete     its wording for deleting a stored key (askDeleteLabel: the button that asks)
 *   wording                         "a"/"an" before a label; the Dashboard mode
 */
export {Busy} from './Busy';
export {askDeleteLabel, ConfirmDelete, ConfirmDestructive} from './ConfirmDestructive';
export {useConfirm} from './useConfirm';
export {modeNote, withArticle} from './wording';
