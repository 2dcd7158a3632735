/**
 * One key the app asks for: its state, a password field to paste a new value,
 * an optional expiry, save/replace and delete, and — when the slot declares a
 * check and a key is stored — "Test", which the app backend runs.
 *
 * The typed value lives only in this component's state while it is being
 * typed and saved; a successful save clears it.
 */
import {Badge, Box, Button, DateField, Link, Select, TextField} from '@stripe/ui-extension-sdk/ui';
import {useCallback, useReducer, useRef, useState} from 'react';
import type {KeySlot} from './keySlots';
import {partDefault} from './credential';
import {checkKeyInput, type KeyInputErrors} from './keyInput';
import {describeStatus, formatDay, keyStatus, type KeyStatus} from './keyStatus';
import type {KeyTestAnswer} from './keyChecks';
import {KeyTestResult} from './KeyTestResult';
import type {LastOutcome} from './outcome';
import {OutcomeBanner} from './OutcomeBanner';
import {useKeyTest} from './useKeyTest';
import type {SecretSummary} from '../secrets';
import {ConfirmButtons, ConfirmQuestion, deleteWording, useConfirm} from '../ui';

interface Props {
  slot: KeySlot;
  secret: SecretSummary | null;
  locale: string;
  mode: 'test' | 'live';
  /** Labels of keys that could be deleted to make room when the scope is full. */
  removable: string[];
  onSave(value: string, expiresAt: number | null): Promise<SecretSummary>;
  onDelete(): Promise<unknown>;
  /** Asks the backend to check the stored key with the third party; absent when there is nothing to test. */
  onTest?: () => Promise<KeyTestAnswer>;
  /** The page's last outcome: shown here when it is about this slot, and told of every action begun here. */
  outcome: LastOutcome;
}

type Phase = 'editing' | 'saving';

interface State {
  /** What is in each part's field, by part name. */
  values: Record<string, string>;
  expiry: string;
  errors: KeyInputErrors;
  phase: Phase;
}

type Action =
  | {type: 'typed'; part: string; value: string}
  | {type: 'expiry'; expiry: string}
  | {type: 'invalid'; errors: KeyInputErrors}
  | {type: 'saving'}
  | {type: 'saved'}
  | {type: 'failed'};

const initial: State = {values: {}, expiry: '', errors: {}, phase: 'editing'};

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'typed':
      return {...state, values: {...state.values, [action.part]: action.value}, errors: {...state.errors, parts: {...state.errors.parts, [action.part]: ''}}};
    case 'expiry':
      return {...state, expiry: action.expiry, errors: {...state.errors, expiry: undefined}};
    case 'invalid':
      return {...state, errors: action.errors};
    case 'saving':
      return {...state, errors: {}, phase: 'saving'};
    case 'saved':
      // The value is dropped the moment Stripe has it.
      return initial;
    case 'failed':
      // What was typed stays, so the user can retry without pasting again.
      return {...state, phase: 'editing'};
  }
}

function badgeFor(status: KeyStatus, required: boolean) {
  switch (status.kind) {
    case 'not-set':
      return required ? <Badge type="urgent">Required</Badge> : <Badge type="neutral">Optional</Badge>;
    case 'expiring-soon':
      return <Badge type="warning">Expires soon</Badge>;
    default:
      return <Badge type="positive">Set</Badge>;
  }
}

export function KeySlotEditor({slot, secret, locale, mode, removable, onSave, onDelete, onTest, outcome}: Props) {
  const [state, dispatch] = useReducer(reducer, initial);
  const test = useKeyTest(onTest, secret?.id ?? null);
  // State updates land after a re-render; a second press in the same tick must see the first.
  const busy = useRef(false);
  const status = keyStatus(secret, Date.now() / 1000);
  const {report, clear} = outcome;
  // Bumped when a delete takes the key away: the field is drawn afresh with autoFocus, so the keyboard lands on
  // the next thing to do (paste a new key) instead of on the page body, where the buttons it pressed were.
  const [fieldRound, setFieldRound] = useState(0);

  const save = async () => {
    if (busy.current) return;
    // A first save and a replacement read differently, so a replacement visibly changes the page.
    const replacing = secret !== null;
    clear();
    const checked = checkKeyInput(slot, state.values, state.expiry, Date.now() / 1000);
    if (!checked.ok) {
      dispatch({type: 'invalid', errors: checked.errors});
      return;
    }
    busy.current = true;
    dispatch({type: 'saving'});
    try {
      const saved = await onSave(checked.payload, checked.expiresAt);
      dispatch({type: 'saved'});
      report(slot.name, {kind: 'done', title: replacing ? `${slot.label} replaced on ${formatDay(saved.created, locale)}` : `${slot.label} saved`});
    } catch (error) {
      dispatch({type: 'failed'});
      report(slot.name, {kind: 'failed', what: `${slot.label} was not saved`, error});
    } finally {
      busy.current = false;
    }
  };

  const deletion = useConfirm(
    useCallback(async () => {
      if (busy.current) return;
      busy.current = true;
      try {
        await onDelete();
        report(slot.name, {kind: 'done', title: `${slot.label} deleted`});
        setFieldRound((round) => round + 1);
      } catch (error) {
        report(slot.name, {kind: 'failed', what: `${slot.label} was not deleted`, error});
      } finally {
        busy.current = false;
      }
    }, [onDelete, report, slot.name, slot.label]),
  );

  const saving = state.phase === 'saving';
  const wording = deleteWording(slot.label, 'The app stops using it at once, for every user of this account, until a new one is saved.');
  const shown = outcome.shown?.subject === slot.name ? outcome.shown : null;
  return (
    <Box css={{stack: 'y', gap: 'small', padding: 'medium', keyline: 'neutral', borderRadius: 'medium'}}>
      <Box css={{stack: 'x', gap: 'small', alignY: 'center'}}>
        <Box css={{font: 'heading'}}>{slot.label}</Box>
        {badgeFor(status, slot.required)}
      </Box>
      <Box css={{font: 'caption', color: status.kind === 'expiring-soon' ? 'attention' : 'secondary'}}>
        {describeStatus(status, locale, mode)}
      </Box>
      {slot.description || slot.helpUrl ? (
        <Box css={{font: 'body', color: 'secondary'}}>
          {slot.description}{' '}
          {slot.helpUrl ? (
            <Link href={slot.helpUrl} target="_blank" external>
              Where to find it
            </Link>
          ) : null}
        </Box>
      ) : null}
      {slot.parts.map((part, index) => {
        const error = state.errors.parts?.[part.name] || undefined;
        const several = slot.parts.length > 1;
        if (part.choices) {
          return (
            <Select
              key={`${part.name}-${fieldRound}`}
              name={`${slot.name}.${part.name}`}
              label={secret ? `New ${part.label}` : part.label}
              value={state.values[part.name] ?? partDefault(part)}
              // Not disabled while saving (a disabled control loses focus): a change then is ignored, as a read-only field's would be.
              onChange={(e) => {
                if (!saving) dispatch({type: 'typed', part: part.name, value: e.target.value});
              }}
              error={error}
              invalid={error !== undefined}
            >
              {part.choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          );
        }
        return (
          <TextField
            key={`${part.name}-${fieldRound}`}
            autoFocus={fieldRound > 0 && index === 0}
            // A visible part (an account id) is not a secret; every other part is typed unseen.
            type={part.visible ? 'text' : 'password'}
            name={several ? `${slot.name}.${part.name}` : slot.name}
            label={secret ? `New ${part.label}` : part.label}
            description={
              secret && index === 0
                ? several
                  ? `What is stored for ${slot.label} is never shown. Enter every part again to replace them together.`
                  : 'The stored value is never shown. Paste a new one to replace it.'
                : undefined
            }
            // "such as": an example in a field where a stored value would be could be read as that value.
            placeholder={part.visible && part.example ? `such as ${part.example}` : undefined}
            autoComplete="off"
            spellCheck={false}
            value={state.values[part.name] ?? ''}
            onChange={(e) => dispatch({type: 'typed', part: part.name, value: e.target.value})}
            // Enter saves, as in a form; the event crosses from the Dashboard, so only its key is read.
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save();
            }}
            error={error}
            invalid={error !== undefined}
            // Read-only rather than disabled while saving: a disabled field loses focus, and Enter saved from here.
            readOnly={saving}
          />
        );
      })}
      <DateField
        label="Expires on (optional)"
        description="The key is removed at the start of this day (UTC). Leave empty to keep it until you delete it."
        value={state.expiry}
        onChange={(expiry) => dispatch({type: 'expiry', expiry})}
        error={state.errors.expiry}
        invalid={state.errors.expiry !== undefined}
        disabled={saving}
      />
      {slot.check ? <KeyTestResult state={test.state} label={slot.label} check={slot.check} locale={locale} /> : null}
      <ConfirmQuestion wording={wording} confirmation={deletion} />
      <Box css={{stack: 'x', gap: 'small', wrap: 'wrap'}}>
        <Button type="primary" pending={saving} disabled={deletion.phase === 'running'} onPress={() => void save()}>
          {secret ? `Replace ${slot.label}` : `Save ${slot.label}`}
        </Button>
        {secret && onTest ? (
          <Button
            type="secondary"
            pending={test.state.phase === 'running'}
            onPress={() => {
              clear();
              void test.run();
            }}
          >
            {`Test ${slot.label}`}
          </Button>
        ) : null}
        {secret ? (
          <ConfirmButtons
            wording={wording}
            disabled={saving}
            confirmation={{
              ...deletion,
              ask: () => {
                clear();
                deletion.ask();
              },
            }}
          />
        ) : null}
      </Box>
      <OutcomeBanner shown={shown} removable={removable} />
    </Box>
  );
}
