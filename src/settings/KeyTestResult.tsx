/** What the last "Test" of a slot found, shown beside that slot until the key changes. */
import {Banner} from '@stripe/ui-extension-sdk/ui';
import type {KeyCheck} from './keyChecks';
import {describeKeyTest, describeKeyTestFailure} from './messages';
import type {KeyTestState} from './useKeyTest';

interface Props {
  state: KeyTestState;
  label: string;
  check: KeyCheck;
  locale: string;
}

export function KeyTestResult({state, label, check, locale}: Props) {
  if (state.phase !== 'answered' && state.phase !== 'failed') return null;
  const slot = {label, check};
  const message = state.phase === 'answered' ? describeKeyTest(state.answer, slot, locale) : describeKeyTestFailure(state.error, slot);
  return <Banner type={message.type} title={message.title} description={message.description} />;
}
