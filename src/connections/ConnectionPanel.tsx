/** The Connections panel's body: one screen per state of the connection machine. */
import {Banner, Box, Button} from '@stripe/ui-extension-sdk/ui';
import {useCallback} from 'react';
import type {ConnectionState, Notice} from './connectionMachine';
import type {AuthorizeLink} from './useAuthorizeLink';
import type {ConnectionControls} from './useConnection';
import {Busy, ConfirmButtons, ConfirmQuestion, modeNote, useConfirm, type ConfirmWording} from '../ui';
import {ConnectButton} from './ConnectButton';
import {ConnectionDetails} from './ConnectionDetails';

interface Props {
  provider: string;
  locale: string;
  /** Test and live mode keep separate connections; the panel says which one this is. */
  mode: 'test' | 'live';
  connection: ConnectionControls;
  link: AuthorizeLink;
}

function NoticeBanner({notice}: {notice?: Notice}) {
  if (!notice) return null;
  return <Banner type={notice.tone} title={notice.title} description={notice.message} />;
}

export function ConnectionPanel({provider, locale, mode, connection, link}: Props) {
  const {state} = connection;
  switch (state.status) {
    case 'loading':
    case 'connect-failed':
      return (
        <Box css={{stack: 'y', gap: 'medium'}}>
          <NoticeBanner notice={state.notice} />
          <Busy>Checking your connection…</Busy>
        </Box>
      );
    case 'load-failed':
      return (
        <Banner
          type={state.notice.tone}
          title={state.notice.title}
          description={state.notice.message}
          actions={<Button onPress={connection.reload}>Try again</Button>}
        />
      );
    case 'exchanging':
      return <Busy>{`Finishing the connection with ${provider}…`}</Busy>;
    case 'waiting':
      return (
        <Box css={{stack: 'y', gap: 'medium'}}>
          <Box>
            {state.looking
              ? `Finish signing in to ${provider} in the new tab. This panel shows the connection as soon as it is made.`
              : `Finish signing in to ${provider} in the new tab. This panel has stopped looking for the connection: press Check again once you are done, or Start over.`}
          </Box>
          <Box css={{stack: 'x', gap: 'small'}}>
            <Button type="primary" onPress={connection.reload}>
              Check again
            </Button>
            <Button onPress={connection.cancelWaiting}>Start over</Button>
          </Box>
        </Box>
      );
    case 'not-connected':
      return (
        <Box css={{stack: 'y', gap: 'medium'}}>
          <NoticeBanner notice={state.notice} />
          <Box>{`You are not connected to ${provider} in ${mode} mode. Connecting lets this app act on your behalf; the connection is yours alone, not shared with other users of this account. ${mode === 'live' ? 'Test' : 'Live'} mode keeps its own.`}</Box>
          <ConnectButton provider={provider} link={link} onOpened={connection.authorizeOpened} />
        </Box>
      );
    case 'connected':
    case 'refreshing':
    case 'verifying':
    case 'reconnect-needed':
    case 'disconnecting':
      return <Connected provider={provider} locale={locale} mode={mode} connection={connection} state={state} link={link} />;
  }
}

type ConnectedState = Extract<ConnectionState, {connection: unknown}>;

/**
 * The screens that show a connection. A Disconnect question belongs to one
 * connection: this component unmounts when the panel leaves these screens,
 * and the question goes with it.
 */
function Connected({provider, locale, mode, connection, state, link}: Props & {state: ConnectedState}) {
  const {disconnect, dismissNotice} = connection;
  // A failed disconnect keeps the question open, so it can be retried or cancelled.
  const question = useConfirm(useCallback(async () => ((await disconnect()) === 'failed' ? 'ask-again' : undefined), [disconnect]));
  const renewing = state.status === 'refreshing' || state.status === 'verifying';
  const busy = renewing || state.status === 'disconnecting';
  const notice = state.status === 'connected' || state.status === 'reconnect-needed' ? state.notice : undefined;
  // A disconnect started from "Reconnect needed" has not mended the connection: the badge says so until it ends.
  const needsReconnect = state.status === 'reconnect-needed' || (state.status === 'disconnecting' && state.from === 'reconnect-needed');
  const wording: ConfirmWording = {
    title: `Disconnect from ${provider}?`,
    consequence: `This app's access is revoked at ${provider} and your connection is removed from Stripe.`,
    askLabel: 'Disconnect…',
    confirmLabel: 'Disconnect',
    cancelLabel: 'Stay connected',
  };
  const badge = needsReconnect ? ({label: 'Reconnect needed', type: 'warning'} as const) : ({label: 'Connected', type: 'positive'} as const);
  return (
    <Box css={{stack: 'y', gap: 'medium'}}>
      <NoticeBanner notice={notice} />
      <ConnectionDetails provider={provider} connection={state.connection} locale={locale} badge={badge} />
      <Box css={{color: 'secondary'}}>{modeNote(mode, 'connection')}</Box>
      {state.status === 'reconnect-needed' ? (
        <ConnectButton provider={provider} link={link} label={`Reconnect to ${provider}`} onOpened={connection.authorizeOpened} />
      ) : null}
      <ConfirmQuestion wording={wording} confirmation={question} />
      <Box css={{stack: 'x', gap: 'small'}}>
        <Button pending={renewing} disabled={busy || question.phase !== 'idle'} onPress={connection.check}>
          Check connection
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
      </Box>
    </Box>
  );
}
