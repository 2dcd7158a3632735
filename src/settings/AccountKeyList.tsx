/** Every declared key slot, then the account's other stored keys. */
import {Box} from '@stripe/ui-extension-sdk/ui';
import type {KeySlot} from './keySlots';
import {useLastOutcome} from './outcome';
import type {AccountKeys} from './useAccountKeys';
import type {TestKey} from './useKeyTest';
import {SECRETS_PER_SCOPE, type SecretSummary} from '../secrets';
import {KeySlotEditor} from './KeySlotEditor';
import {OtherKeys} from './OtherKeys';

interface Props {
  slots: KeySlot[];
  secrets: SecretSummary[];
  locale: string;
  mode: 'test' | 'live';
  keys: Pick<AccountKeys, 'save' | 'remove'>;
  testKey: TestKey;
}

export function AccountKeyList({slots, secrets, locale, mode, keys, testKey}: Props) {
  // One message about the last action for the whole page, drawn beside the key it is about.
  const outcome = useLastOutcome();
  const byName = new Map(secrets.map((s) => [s.name, s]));
  const declared = new Set(slots.map((s) => s.name));
  const others = secrets.filter((s) => !declared.has(s.name));
  // What a full scope could give up: keys nobody asks for first, then optional slots in use.
  const removable = [
    ...others.map((s) => s.name),
    ...slots.filter((slot) => !slot.required && byName.has(slot.name)).map((slot) => slot.label),
  ];
  // A key deleted from "Other stored keys" takes its row with it: its confirmation stays where the row was.
  const {shown} = outcome;
  const removed = shown && !declared.has(shown.subject) && !byName.has(shown.subject) ? shown : null;

  return (
    <Box css={{stack: 'y', gap: 'medium'}}>
      <Box css={{color: 'secondary'}}>
        {`${secrets.length} of the ${SECRETS_PER_SCOPE} places this account has in Stripe's Secret Store ${secrets.length === 1 ? 'is' : 'are'} in use. A key takes one place, whatever its parts.`}
      </Box>
      {slots.map((slot) => (
        <KeySlotEditor
          key={slot.name}
          slot={slot}
          secret={byName.get(slot.name) ?? null}
          locale={locale}
          mode={mode}
          removable={removable}
          onSave={(value, expiresAt) => keys.save(slot.name, value, expiresAt)}
          onDelete={() => keys.remove(slot.name)}
          onTest={slot.check ? () => testKey(slot.name) : undefined}
          outcome={outcome}
        />
      ))}
      <OtherKeys secrets={others} locale={locale} mode={mode} onDelete={keys.remove} outcome={outcome} removed={removed} />
    </Box>
  );
}
