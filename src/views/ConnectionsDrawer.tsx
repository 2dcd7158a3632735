/**
 * The Connections panel (the Dashboard's default drawer): each user connects
 * their own accounts at the OAuth providers stripe-app.json declares
 * (constants.connections), one panel each. Each connection is kept in the
 * signed-in user's own Secret Store scope, in a secret of its own.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {Banner, Box, ContextView} from '@stripe/ui-extension-sdk/ui';
import {useState} from 'react';
import {Connections, firstReadsFor, useSignInReturn} from '../connections';
import {readConnections} from '../oauth';
import {createBackendClient} from '../appBackend';
import {createSecretStore} from '../secrets';
import {Busy} from '../ui';

const ConnectionsDrawer = (context: ExtensionContextValue) => {
  const [setup] = useState(() => readConnections(context.environment.constants));
  const {signInReturn, signInStarted} = useSignInReturn(context, setup.connections);
  // One request for every panel's first look, not one each (firstReads.ts).
  const [firstReads] = useState(() =>
    firstReadsFor(
      setup.connections,
      () => createSecretStore(context).signedInUser,
      () => createBackendClient(context),
    ),
  );
  return (
    <ContextView title="Connections" description="Your own connections, not shared with other users of this account.">
      <Box css={{stack: 'y', gap: 'medium'}}>
        {setup.problems.length > 0 ? (
          <Banner type="caution" title="Check the app's stripe-app.json" description={setup.problems.join(' ')} />
        ) : null}
        {signInReturn.status === 'unmatched' ? (
          <Banner
            type="critical"
            title="This sign-in could not be matched to a connection"
            description="The panel did not record which service this sign-in was for, so nothing was exchanged or stored. Press Connect again on the service you meant."
          />
        ) : null}
        {signInReturn.status === 'reading' ? (
          <Busy size="small">Finishing the sign-in…</Busy>
        ) : (
          setup.connections.map((provider) => {
            // Only the connection that started the sign-in sees its return: a code goes to the provider that issued it.
            const returnsHere = signInReturn.status === 'known' && signInReturn.connection === provider.id;
            return (
              <Connections
                key={provider.id}
                context={returnsHere ? context : {...context, oauthContext: undefined}}
                provider={provider}
                signInInputs={returnsHere ? signInReturn.inputs : undefined}
                options={{firstReads}}
                onSignInStarted={signInStarted ? (state, inputs) => signInStarted(provider.id, state, inputs) : undefined}
              />
            );
          })
        )}
      </Box>
    </ContextView>
  );
};

export default ConnectionsDrawer;
