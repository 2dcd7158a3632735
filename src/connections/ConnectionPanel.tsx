/**
 * The Connections panel's body: one screen per state of the connection machine.
 *
 * Every screen is drawn into one skeleton (a message, the screen's content,
 * a question, a row of actions), so a screen's buttons give way to the next
 * screen's inside the same row. A view cannot move focus to a button, but the
 * browser keeps the keyboard's place where a removed button was: with the
 * row kept, the next Tab lands on the buttons that replaced it (Connect →
 * Check again, Start over → Connect, Disconnect → Connect) instead of on
 * whatever follows the drawer.
 */
import {Banner, Box, Button} from '@stripe/ui-extension-sdk/ui';
import {useCallback, useEffect, type ReactNode} from 'react';
import type {ConnectionState, Notice} from './connectionMachine';
import type {AuthorizeLink} from './useAuthorizeLink';
import type {ConnectionControls} from './useConnection';
import {Busy, ConfirmButtons, ConfirmQuestion, modeNote, useConfirm, type Confirmation, type ConfirmWording} from '../ui';
import {ConnectButton} from './ConnectButton';
import {ConnectionDetails} from './ConnectionDetails';

interface Props {
  provider: string;
  locale: string;
  /** Test and live mode keep separate connections; the panel says which one this is. */
  mode: 'test' | 'live';
  connection: ConnectionControls;
  link: AuthorizeLink;
  /** What the provider needs typed before Connect (Shopify's shop), shown above it. */
  fields?: ReactNode;
}

function NoticeBanner({notice}: {notice?: Notice}) {
  if (!notice) return null;
  return <Banner type={notice.tone} title={notice.title} description={notice.message} />;
}

interface Screen {
  notice?: Notice;
  content: ReactNode;
  actions?: ReactNode;
}

type ConnectedState = Extract<ConnectionState, {connection: unknown}>;

const hasConnection = (state: ConnectionState): state is ConnectedState => 'connection' in state;

export function ConnectionPanel({provider, locale, mode, connection, link, fields}: Props) {
  const {state, disconnect} = connection;
  // A failed disconnect keeps the question open, so it can be retried or cancelled.
  const question = useConfirm(useCallback(async () => ((await disconnect()) === 'failed' ? 'ask-again' : undefined), [disconnect]));
  // The question belongs to one connection: it goes when the panel leaves the screens that show one.
  const connected = hasConnection(state);
  const {cancel} = question;
  useEffect(() => {
    if (!connected) cancel();
  }, [connected, cancel]);
  const wording: ConfirmWording = {
    title: `Disconnect from ${provider}?`,
    consequence: `This app's access is revoked at ${provider} and your connection is removed from Stripe.`,
    // Each names its provider: with several connections the drawer has one of each per panel.
    askLabel: `Disconnect from ${provider}…`,
    confirmLabel: `Disconnect from ${provider}`,
    cancelLabel: 'Stay connected',
  };
  const screen = connected ? connectedScreen({provider, locale, mode, connection, link, fields}, state, question, wording) : otherScreen({provider, locale, mode, connection, link, fields}, state);

  return (
    <Box css={{stack: 'y', gap: 'medium'}}>
      <NoticeBanner notice={screen.notice} />
      {screen.content}
      {connected ? <ConfirmQuestion wording={wording} confirmation={question} /> : null}
      <Box css={{stack: 'x', gap: 'small', wrap: 'wrap'}}>{screen.actions}</Box>
    </Box>
  );
}

function otherScreen({provider, mode, connection, link, fields}: Props, state: Exclude<ConnectionState, ConnectedState>): Screen {
  switch (state.status) {
    case 'loading':
    case 'connect-failed':
      return {notice: state.notice, content: <Busy>Checking your connection…</Busy>};
    case 'load-failed':
      return {
        content: (
          <Banner
            type={state.notice.tone}
            title={state.notice.title}
            description={state.notice.message}
            actions={<Button onPress={connection.reload}>Try again</Button>}
          />
        ),
      };
    case 'exchanging':
      return {content: <Busy>{`Finishing the connection with ${provider}…`}</Busy>};
    case 'waiting':
      return {
        content: (
          <Box>
            {state.looking
              ? `Finish signing in to ${provider} in the new tab. This panel shows the connection as soon as it is made.`
              : `Finish signing in to ${provider} in the new tab. This panel has stopped looking for the connection: press Check again once you are done, or Start over.`}
          </Box>
        ),
        actions: (
          <>
            <Button type="primary" onPress={connection.reload}>
              Check again
            </Button>
            <Button onPress={connection.cancelWaiting}>Start over</Button>
          </>
        ),
      };
    case 'not-connected':
      return {
        notice: state.notice,
        content: (
          <>
            <Box>{`You are not connected to ${provider} in ${mode} mode. Connecting lets this app act on your behalf; the connection is yours alone, not shared with other users of this account. ${mode === 'live' ? 'Test' : 'Live'} mode keeps its own.`}</Box>
            {fields}
          </>
        ),
        actions: <ConnectButton provider={provider} link={link} onOpened={connection.authorizeOpened} />,
      };
  }
}

/** The screens that show a connection: its details, and what can be done with it. */
function connectedScreen({provider, locale, mode, connection, link, fields}: Props, state: ConnectedState, question: Confirmation, wording: ConfirmWording): Screen {
  const {dismissNotice} = connection;
  const renewing = state.status === 'refreshing' || state.status === 'verifying';
  const busy = renewing || state.status === 'disconnecting';
  // A check or disconnect started from "Reconnect needed" has not mended the connection: the badge says so until it ends.
  const needsReconnect = state.status === 'reconnect-needed' || ('from' in state && state.from === 'reconnect-needed');
  const badge = needsReconnect ? ({label: 'Reconnect needed', type: 'warning'} as const) : ({label: 'Connected', type: 'positive'} as const);
  return {
    notice: state.status === 'connected' || state.status === 'reconnect-needed' ? state.notice : undefined,
    content: (
      <>
        <ConnectionDetails provider={provider} connection={state.connection} locale={locale} badge={badge} />
        <Box css={{color: 'secondary'}}>{modeNote(mode, 'connection')}</Box>
        {state.status === 'reconnect-needed' ? fields : null}
      </>
    ),
    actions: (
      <>
        {state.status === 'reconnect-needed' ? (
          <ConnectButton provider={provider} link={link} label={`Reconnect to ${provider}`} onOpened={connection.authorizeOpened} />
        ) : null}
        <Button pending={renewing} disabled={busy || question.phase !== 'idle'} onPress={connection.check}>
          {`Check ${provider} connection`}
        </Button>
        <ConfirmButtons
          wording={wording}
          disabled={renewing}
          confirmation={{
            ...question,
            ask: () => {
              // Asking is a new action: a message about the last one no longer applies.
              dismissNotice();
              question.ask();
            },
            // Backing out of a failed disconnect leaves nothing for "Could not disconnect … try again" to describe.
            cancel: () => {
              question.cancel();
              dismissNotice();
            },
          }}
        />
      </>
    ),
  };
}
