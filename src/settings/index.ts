/**
 * The settings page: the third-party API keys the app asks for, kept as
 * account-scoped secrets shared by every user of the account. How the pieces fit:
 *
 *   views/AppSettings ─▶ keySlots        the slots declared in stripe-app.json constants.keySlots
 *                     ─▶ useAccountKeys  one list on load; saves and deletes through ../secrets
 *                     ─▶ AccountKeyList  every slot, then the keys nobody declares
 *                          ├ KeySlotEditor  one slot: status (keyStatus), paste and check (keyInput), save, delete
 *                          └ OtherKeys      stored keys no slot names, each deletable
 *   messages          what to say when Stripe refused or never answered (one table for the page)
 */
export {AccountKeyList} from './AccountKeyList';
export {readKeySlots} from './keySlots';
export {describeLoadFailure} from './messages';
export {useAccountKeys} from './useAccountKeys';
