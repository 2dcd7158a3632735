import {Badge, Box, Inline} from '@stripe/ui-extension-sdk/ui';
import type {ConnectionSummary} from './storedConnection';

interface Props {
  provider: string;
  connection: ConnectionSummary;
  locale: string;
  badge: {label: string; type: 'positive' | 'warning' | 'info'};
}

function when(unixSeconds: number, locale: string): string {
  return new Date(unixSeconds * 1000).toLocaleString(locale, {dateStyle: 'medium', timeStyle: 'short'});
}

/** What the user may know about their connection: never a token. */
export function ConnectionDetails({provider, connection, locale, badge}: Props) {
  const expires = connection.accessTokenExpiresAt;
  return (
    <Box css={{stack: 'y', gap: 'small'}}>
      <Box css={{stack: 'x', gap: 'small', alignY: 'center'}}>
        <Inline css={{font: 'heading'}}>{provider}</Inline>
        <Badge type={badge.type}>{badge.label}</Badge>
      </Box>
      {connection.accountName ? <Box>Connected as {connection.accountName}</Box> : null}
      <Box css={{color: 'secondary'}}>Scopes: {connection.scopes.length > 0 ? connection.scopes.join(', ') : 'none named'}</Box>
      <Box css={{color: 'secondary'}}>
        {expires === null
          ? 'The access token does not expire.'
          : `Access token expires ${when(expires, locale)}${connection.canRefresh ? '; it is renewed automatically.' : '.'}`}
      </Box>
      <Box css={{color: 'secondary'}}>Connected since {when(connection.connectedAt, locale)}</Box>
    </Box>
  );
}
