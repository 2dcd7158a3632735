/**
 * The Connections panel (the Dashboard's default drawer): each user connects
 * their own account at the OAuth provider named in stripe-app.json. The
 * connection is kept in the signed-in user's own Secret Store scope.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {Banner, Box, ContextView} from '@stripe/ui-extension-sdk/ui';
import {useState} from 'react';
import {Connections} from '../connections';
import {readOAuthProvider} from '../oauth';

const ConnectionsDrawer = (context: ExtensionContextValue) => {
  const [setup] = useState(() => readOAuthProvider(context.environment.constants));
  return (
    <ContextView title="Connections" description="Your own connections, not shared with other users of this account.">
      <Box css={{stack: 'y', gap: 'medium'}}>
        {setup.problems.length > 0 ? (
          <Banner type="caution" title="Check the app's stripe-app.json" description={setup.problems.join(' ')} />
        ) : null}
        {setup.provider ? <Connections context={context} provider={setup.provider} /> : null}
      </Box>
    </ContextView>
  );
};

export default ConnectionsDrawer;
