/**
 * The settings page: the third-party API keys the app asks for, kept as
 * account-scoped secrets shared by every user of the account. How the pieces fit:
 *
 *   views/AppSettings ─▶ keySlots        the slots declared in stripe-app.json constants.keySlots
 *                        └ keyChecks     constants.keyChecks: which slots the backend can test, and how (shared with backend/)
 *                     ─▶ useAccountKeys  one list on load; saves and deletes through ../secrets
 *                     ─▶ useKeyTester    POST /v1/keys/test through ../appBackend (the backend reads the key, never the view)
 *                     ─▶ AccountKeyList  every slot, then the keys nobody declares; holds the page's last outcome
 *                          │                (outcome: one message about the last action, drawn by OutcomeBanner beside its key)
 *                          ├ KeySlotEditor  one slot: status (keyStatus), paste and check (keyInput), save, delete,
 *                          │                Test (useKeyTest) with its outcome (KeyTestResult)
 *                          └ OtherKeys      stored keys no slot names, each deletable
 *   messages          what to say when Stripe refused or never answered, and what a key test found (one table for the page)
 */
export {AccountKeyList} from './AccountKeyList';
export {readKeySlots} from './keySlots';
export {describeLoadFailure} from './messages';
export {useAccountKeys} from './useAccountKeys';
export {useKeyTester} from './useKeyTest';
