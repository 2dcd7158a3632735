/** Every declared key slot, then the account's other stored keys. */
import {Box} from '@stripe/ui-extension-sdk/ui';
import type {KeySlot} from './keySlots';
import type {AccountKeys} from './useAccountKeys';
import type {TestKey} from './useKeyTest';
import type {SecretSummary} from '../secrets';
import {KeySlotEditor} from './KeySlotEditor';
import {OtherKeys} from './OtherKeys';

interface Props {
  slots: KeySlot[];
  secrets: SecretSummary[];
  locale: string;
  keys: Pick<AccountKeys, 'save' | 'remove'>;
  testKey: TestKey;
  onDone(message: string): void;
}

export function AccountKeyList({slots, secrets, locale, keys, testKey, onDone}: Props) {
  const byName = new Map(secrets.map((s) => [s.name, s]));
  const declared = new Set(slots.map((s) => s.name));
  const others = secrets.filter((s) => !declared.has(s.name));
  // What a full scope could give up: keys nobody asks for first, then optional slots in use.
  const removable = [
    ...others.map((s) => s.name),
    ...slots.filter((slot) => !slot.required && byName.has(slot.name)).map((slot) => slot.label),
  ];

  return (
    <Box css={{stack: 'y', gap: 'medium'}}>
      {slots.map((slot) => (
        <KeySlotEditor
          key={slot.name}
          slot={slot}
          secret={byName.get(slot.name) ?? null}
          locale={locale}
          removable={removable}
          onSave={(value, expiresAt) => keys.save(slot.name, value, expiresAt)}
          onDelete={() => keys.remove(slot.name)}
          onTest={slot.check ? () => testKey(slot.name) : undefined}
          onDone={onDone}
        />
      ))}
      <OtherKeys secrets={others} locale={locale} onDelete={keys.remove} onDone={onDone} />
    </Box>
  );
}
