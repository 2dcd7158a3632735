/**
 * Secret Store scopes, built only from the extension's own context.
 *
 * A caller says whose secret it means — the account's, or the signed-in
 * user's — and never passes a user id: the id comes from `userContext`, so no
 * code path in the app can address another user's scope.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {SecretStoreError} from './errors';

export type ScopeOwner = 'account' | 'signed-in-user';

export type SecretScope = {type: 'account'} | {type: 'user'; user: string};

/** The part of the extension context scopes are built from. */
export type ScopeContext = Pick<ExtensionContextValue, 'userContext'>;

export function scopeFor(owner: ScopeOwner, context: ScopeContext): SecretScope {
  if (owner === 'account') return {type: 'account'};
  const user = context.userContext?.id;
  if (typeof user !== 'string' || user === '') throw new SecretStoreError('no-user');
  return {type: 'user', user};
}
