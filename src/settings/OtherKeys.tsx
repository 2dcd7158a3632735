/**
 * Account secrets that match no declared slot (left by an older version of the
 * app, or written by its backend). They still take room in a scope that holds
 * only SECRETS_PER_SCOPE, so each can be deleted here.
 */
import {Banner, Box, Button} from '@stripe/ui-extension-sdk/ui';
import {useCallback, useState} from 'react';
import {describeStatus, keyStatus} from './keyStatus';
import {describeFailure} from './messages';
import {SECRETS_PER_SCOPE, type SecretSummary} from '../secrets';
import {ConfirmDelete, useConfirm} from '../ui';

interface Props {
  secrets: SecretSummary[];
  locale: string;
  onDelete(name: string): Promise<unknown>;
  onDone(message: string): void;
}

export function OtherKeys({secrets, locale, onDelete, onDone}: Props) {
  if (secrets.length === 0) return null;
  return (
    <Box css={{stack: 'y', gap: 'small'}}>
      <Box css={{font: 'subheading'}}>Other stored keys</Box>
      <Box css={{font: 'caption', color: 'secondary'}}>
        {`Stored for this account but not asked for by this version of the app. This account can hold ${SECRETS_PER_SCOPE} keys in all.`}
      </Box>
      {secrets.map((secret) => (
        <OtherKey key={secret.id} secret={secret} locale={locale} onDelete={onDelete} onDone={onDone} />
      ))}
    </Box>
  );
}

function OtherKey({secret, locale, onDelete, onDone}: {secret: SecretSummary; locale: string} & Omit<Props, 'secrets' | 'locale'>) {
  const [failure, setFailure] = useState<{title: string; description: string} | null>(null);
  const deletion = useConfirm(
    useCallback(async () => {
      try {
        await onDelete(secret.name);
        onDone(`${secret.name} deleted`);
      } catch (error) {
        setFailure(describeFailure(error, {what: `${secret.name} was not deleted`, removable: []}));
      }
    }, [onDelete, onDone, secret.name]),
  );

  return (
    <Box css={{stack: 'y', gap: 'xsmall', padding: 'small', keyline: 'neutral', borderRadius: 'small'}}>
      <Box css={{stack: 'x', gap: 'small', distribute: 'space-between', alignY: 'center'}}>
        <Box css={{stack: 'y'}}>
          <Box css={{fontFamily: 'monospace'}}>{secret.name}</Box>
          <Box css={{font: 'caption', color: 'secondary'}}>{describeStatus(keyStatus(secret, Date.now() / 1000), locale)}</Box>
        </Box>
        {deletion.phase === 'idle' ? (
          <Button size="small" onPress={deletion.ask}>
            Delete
          </Button>
        ) : null}
      </Box>
      <ConfirmDelete
        label={secret.name}
        consequence="Anything still reading this key (the app's backend, for instance) stops finding it."
        confirmation={deletion}
      />
      {failure ? <Banner type="critical" title={failure.title} description={failure.description} /> : null}
    </Box>
  );
}
