/**
 * A test-only view, built and hosted by the preview like the app's own (never
 * shipped): it exercises what the preview must get right on the Dashboard's
 * behalf — user scopes, refusals, CSP, unknown components.
 */
import {createRemoteReactComponent} from '@remote-ui/react';
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {Box, Button, ContextView, TextField} from '@stripe/ui-extension-sdk/ui';
import {showToast} from '@stripe/ui-extension-sdk/utils/toast';
import {useState} from 'react';
import {createExtensionStripe} from '../../../src/secrets/client';
import {createSecretStore} from '../../../src/secrets/secretStore';

/** What a future SDK might add: the preview has never heard of it. */
const FutureWidget = createRemoteReactComponent<'FutureWidget', {title: string; children?: React.ReactNode}>('FutureWidget');

const PreviewProbe = (context: ExtensionContextValue) => {
  const [secrets] = useState(() => createSecretStore(context));
  const [note, setNote] = useState('');
  const [result, setResult] = useState('ready');
  const report = (text: string) => setResult(text);

  return (
    <ContextView title="Preview probe">
      <Box css={{stack: 'y', gap: 'small'}}>
        <Box>Signed in as {context.userContext.id}</Box>
        <Box>Mode: {context.environment.mode}</Box>
        <TextField label="Personal note" name="note" value={note} onChange={(e) => setNote(e.target.value)} />
        <Button
          onPress={() => {
            secrets.signedInUser.set('probe_note', note).then(
              () => report('saved personal note'),
              (e: Error) => report(`save failed: ${e.message}`),
            );
          }}
        >
          Save personal note
        </Button>
        <Button
          onPress={() => {
            secrets.signedInUser.list().then(
              (list) => report(`my secrets: [${list.map((s) => s.name).join(',')}]`),
              (e: Error) => report(`list failed: ${e.message}`),
            );
          }}
        >
          List my secrets
        </Button>
        <Button
          onPress={() => {
            // Bypasses the module on purpose: a hand-built scope naming somebody else.
            createExtensionStripe()
              .apps.secrets.list({scope: {type: 'user', user: 'usr_PreviewAda0001'}})
              .then(
                (list) => report(`other user's secrets: ${list.data.length}`),
                (e: {statusCode?: number; type?: string}) => report(`refused: ${e.statusCode} ${e.type}`),
              );
          }}
        >
          Read Ada&apos;s secrets
        </Button>
        <Button
          onPress={() => {
            // A Stripe object through the same extension-scoped client: allowed only by the manifest's permissions.
            createExtensionStripe()
              .customers.list({limit: 3})
              .then(
                (list) => report(`customers: ${list.data.length}`),
                (e: {statusCode?: number; type?: string}) => report(`customers refused: ${e.statusCode} ${e.type}`),
              );
          }}
        >
          List customers
        </Button>
        <Button
          onPress={() => {
            fetch('https://not-in-the-manifest.example/data').then(
              () => report('fetch allowed'),
              () => report('fetch blocked'),
            );
          }}
        >
          Fetch an unlisted host
        </Button>
        <Button
          onPress={() => {
            void showToast('Saved by the probe', {type: 'success'});
          }}
        >
          Show a toast
        </Button>
        <FutureWidget title="a title carried in props">an SDK component the preview does not draw</FutureWidget>
        <Box>Result: {result}</Box>
      </Box>
    </ContextView>
  );
};

export default PreviewProbe;
