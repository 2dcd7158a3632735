/**
 * The Connect link, made fresh each time the panel offers it: a new state and
 * challenge from the Dashboard's createOAuthState(), so no two sign-ins share
 * a state.
 */
import {createOAuthState} from '@stripe/ui-extension-sdk/oauth';
import {useEffect, useState} from 'react';
import {buildAuthorizeUrl} from '../oauth';
import type {Mode, OAuthProviderConfig} from '../oauth';

/** `state`: the sign-in's, as the Dashboard will hand it back with the code (signIns.ts records it). */
export type AuthorizeLink =
  | {status: 'preparing'}
  | {status: 'ready'; href: string; state: string}
  | {status: 'failed'}
  /** The provider needs the user's input first (Shopify's shop): Connect says so instead of opening a tab. */
  | {status: 'needs-input'; attempted(): void};

export function useAuthorizeLink(provider: OAuthProviderConfig | null, mode: Mode, wanted: boolean): AuthorizeLink {
  const [link, setLink] = useState<AuthorizeLink>({status: 'preparing'});
  useEffect(() => {
    if (!wanted || !provider) return;
    let current = true;
    setLink({status: 'preparing'});
    createOAuthState().then(
      (issued) => current && setLink({status: 'ready', href: buildAuthorizeUrl(provider, mode, issued), state: issued.state}),
      () => current && setLink({status: 'failed'}),
    );
    return () => {
      current = false;
    };
  }, [provider, mode, wanted]);
  return link;
}
