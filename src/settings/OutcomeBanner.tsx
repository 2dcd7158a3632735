/** The page's last outcome, drawn beside the key it is about (see outcome.ts). */
import {Banner} from '@stripe/ui-extension-sdk/ui';
import {describeFailure} from './messages';
import type {ShownOutcome} from './outcome';

interface Props {
  shown: ShownOutcome | null;
  /** Keys that could be deleted to make room, as the page stands now. */
  removable: string[];
}

export function OutcomeBanner({shown, removable}: Props) {
  if (!shown) return null;
  const {outcome} = shown;
  if (outcome.kind === 'done') return <Banner key={shown.id} type="default" title={outcome.title} />;
  const failure = describeFailure(outcome.error, {what: outcome.what, removable});
  return <Banner key={shown.id} type="critical" title={failure.title} description={failure.description} />;
}
