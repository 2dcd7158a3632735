/**
 * Account secrets that match no declared slot (left by an older version of the
 * app, or written by its backend). They still take room in a scope that holds
 * only SECRETS_PER_SCOPE, so each can be deleted here.
 */
import {Box} from '@stripe/ui-extension-sdk/ui';
import {useCallback} from 'react';
import {describeStatus, keyStatus} from './keyStatus';
import type {LastOutcome, ShownOutcome} from './outcome';
import {OutcomeBanner} from './OutcomeBanner';
import {SECRETS_PER_SCOPE, type SecretSummary} from '../secrets';
import {ConfirmButtons, ConfirmQuestion, deleteWording, useConfirm} from '../ui';

interface Props {
  secrets: SecretSummary[];
  locale: string;
  mode: 'test' | 'live';
  onDelete(name: string): Promise<unknown>;
  /** The page's last outcome: shown beside the key it is about. */
  outcome: LastOutcome;
  /** The last outcome when it is about a key of this list that is gone (deleted): shown where its row was. */
  removed: ShownOutcome | null;
}

export function OtherKeys({secrets, locale, mode, onDelete, outcome, removed}: Props) {
  if (secrets.length === 0 && !removed) return null;
  return (
    <Box css={{stack: 'y', gap: 'small'}}>
      <Box css={{font: 'subheading'}}>Other stored keys</Box>
      {secrets.length > 0 ? (
        <Box css={{font: 'caption', color: 'secondary'}}>
          {`Stored for this account but not asked for by this version of the app. This account can hold ${SECRETS_PER_SCOPE} keys in all.`}
        </Box>
      ) : null}
      {secrets.map((secret) => (
        <OtherKey key={secret.id} secret={secret} locale={locale} mode={mode} onDelete={onDelete} outcome={outcome} />
      ))}
      <OutcomeBanner shown={removed} removable={[]} />
    </Box>
  );
}

function OtherKey({secret, locale, mode, onDelete, outcome}: {secret: SecretSummary} & Omit<Props, 'secrets' | 'removed'>) {
  const {report, clear} = outcome;
  const deletion = useConfirm(
    useCallback(async () => {
      try {
        await onDelete(secret.name);
        report(secret.name, {kind: 'done', title: `${secret.name} deleted`});
      } catch (error) {
        report(secret.name, {kind: 'failed', what: `${secret.name} was not deleted`, error});
      }
    }, [onDelete, report, secret.name]),
  );
  const shown = outcome.shown?.subject === secret.name ? outcome.shown : null;
  const wording = deleteWording(secret.name, "Anything still reading this key (the app's backend, for instance) stops finding it.");

  return (
    <Box css={{stack: 'y', gap: 'xsmall', padding: 'small', keyline: 'neutral', borderRadius: 'small'}}>
      <Box css={{stack: 'x', gap: 'small', distribute: 'space-between', alignY: 'center'}}>
        <Box css={{stack: 'y'}}>
          <Box css={{fontFamily: 'monospace'}}>{secret.name}</Box>
          <Box css={{font: 'caption', color: 'secondary'}}>{describeStatus(keyStatus(secret, Date.now() / 1000), locale, mode)}</Box>
        </Box>
        <Box css={{stack: 'x', gap: 'small'}}>
          <ConfirmButtons
            wording={wording}
            size="small"
            confirmation={{
              ...deletion,
              ask: () => {
                clear();
                deletion.ask();
              },
            }}
          />
        </Box>
      </Box>
      <ConfirmQuestion wording={wording} confirmation={deletion} />
      <OutcomeBanner shown={shown} removable={[]} />
    </Box>
  );
}
