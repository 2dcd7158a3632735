/**
 * The app's settings page: the third-party API keys the app needs, kept as
 * account-scoped secrets shared by every user of the account.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {Banner, Box, Button, SettingsView} from '@stripe/ui-extension-sdk/ui';
import {useState} from 'react';
import {AccountKeyList, describeLoadFailure, readKeySlots, useAccountKeys, useKeyTester} from '../settings';
import {Busy, modeNote} from '../ui';

const AppSettings = (context: ExtensionContextValue) => {
  const [config] = useState(() => readKeySlots(context.environment.constants));
  const keys = useAccountKeys(context);
  const testKey = useKeyTester(context);
  const locale = context.userContext?.locale ?? 'en';
  const mode = context.environment.mode;

  return (
    <SettingsView>
      <Box css={{stack: 'y', gap: 'medium'}}>
        <Box css={{color: 'secondary'}}>
          Keys saved here are kept in Stripe&apos;s Secret Store for this account and shared by all its users. A saved key is
          never shown again. {modeNote(mode, 'keys')}
        </Box>
        {config.problems.length > 0 ? (
          <Banner type="caution" title="Check the app's stripe-app.json" description={config.problems.join(' ')} />
        ) : null}
        {keys.state.phase === 'loading' ? (
          <Busy>Loading your keys…</Busy>
        ) : null}
        {keys.state.phase === 'failed' ? (
          <Banner
            type="critical"
            title="Your keys could not be loaded"
            description={describeLoadFailure(keys.state.error)}
            actions={<Button onPress={keys.reload}>Try again</Button>}
          />
        ) : null}
        {keys.state.phase === 'ready' ? (
          <AccountKeyList slots={config.slots} secrets={keys.state.secrets} locale={locale} mode={mode} keys={keys} testKey={testKey} />
        ) : null}
      </Box>
    </SettingsView>
  );
};

export default AppSettings;
