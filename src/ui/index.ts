/**
 * What the settings page and the Connections panel share:
 *
 *   Busy                            a spinner with a line saying what is being waited for
 *   useConfirm ─▶ ConfirmButtons    ask, then confirm or cancel, anything that cannot be undone (the asking
 *              └▶ ConfirmQuestion   button turns into the one that backs out, so focus keeps its place)
 *                 deleteWording     the words for deleting a stored key (askDeleteLabel: the button that asks)
 *   wording                         "a"/"an" before a label; the Dashboard mode
 */
export {Busy} from './Busy';
export {askDeleteLabel, ConfirmButtons, ConfirmQuestion, deleteWording, type ConfirmWording} from './ConfirmDestructive';
export {useConfirm, type Confirmation} from './useConfirm';
export {modeNote, withArticle} from './wording';
