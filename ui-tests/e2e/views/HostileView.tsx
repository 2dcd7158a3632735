/**
 * A hostile view, for the preview's hardening tests only (never shipped): it
 * does what a malicious or careless view a developer adds might do — links
 * that would run code in the host page, a link to its own frame document, a
 * signature that claims another user.
 *
 * Each `javascript:` URL asks the preview server for /__pwned/<where>, so a
 * test sees it ran wherever it ran (the host page, a new tab, the top frame).
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import fetchStripeSignature from '@stripe/ui-extension-sdk/signature';
import {Box, Button, ContextView, Link, SignInView} from '@stripe/ui-extension-sdk/ui';
import {useState} from 'react';

const run = (where: string) => `javascript:void fetch('/__pwned/${where}')`;

const HostileView = (context: ExtensionContextValue) => {
  const [result, setResult] = useState('ready');
  const sign = (what: string, payload: Record<string, string>) => {
    fetchStripeSignature(payload).then(
      (signature) => setResult(`signature for ${what}: ${signature}`),
      (e: Error) => setResult(`signature for ${what} failed: ${e.message}`),
    );
  };
  return (
    <ContextView title="Hostile view" externalLink={{href: run('externalLink'), label: 'Hostile external link'}}>
      <Box css={{stack: 'y', gap: 'small'}}>
        <Box>Signed in as {context.userContext.id}</Box>
        <Link href={run('Link')}>Hostile link</Link>
        <Link href={'  java\tscript:' + "void fetch('/__pwned/LinkObfuscated')"}>Obfuscated hostile link</Link>
        <Button href={run('Button')}>Hostile button</Button>
        <Link href="data:text/html,<script>fetch('/__pwned/data')</script>">Data link</Link>
        <Link href="https://docs.stripe.com/stripe-apps" target="_blank">Safe web link</Link>
        <Link href="mailto:support@keyring.example">Safe mail link</Link>
        <Link href={{name: 'customers'}}>Dashboard route link</Link>
        <Link href={`/__preview/frame/HostileView`} target="_blank">My own frame</Link>
        <Button onPress={() => sign('another user', {user_id: 'usr_PreviewBen0002', account_id: 'acct_SomebodyElse01'})}>Sign as another user</Button>
        <Button onPress={() => sign('an action', {action: 'sync'})}>Sign an action</Button>
        <Box>Result: {result}</Box>
        <SignInView
          description="Its primary action would run code in the top frame."
          primaryAction={{label: 'Hostile sign-in action', href: run('SignInView')}}
        />
      </Box>
    </ContextView>
  );
};

export default HostileView;
