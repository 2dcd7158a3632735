/**
 * What the user types before Connect, for a provider that needs it (Shopify's
 * shop): each value as typed, whether all are of the right form, and the
 * provider's URLs for them when they are. A problem is shown once the user
 * has tried to connect without a right value, then follows the typing.
 */
import {useCallback, useMemo, useState} from 'react';
import {forUser, readUserInput, type OAuthProviderConfig, type UserInput} from '../oauth';

interface Field {
  name: string;
  input: UserInput;
  typed: string;
  /** The value as read, when it is of the right form. */
  value?: string;
  /** What is wrong with it, once shown. */
  problem?: string;
}

export interface UserInputsState {
  /** The provider's inputs, [] when it needs none. */
  fields: Field[];
  /** The provider's URLs for these values and the values as read, or null while one is missing or wrong. */
  ready: {provider: OAuthProviderConfig; values: Record<string, string>} | null;
  type(name: string, typed: string): void;
  /** Connect was pressed without right values: the problems are shown from now on. */
  attempted(): void;
}

export function useUserInputs(provider: OAuthProviderConfig): UserInputsState {
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [shown, setShown] = useState(false);
  const declared = provider.userInputs;
  const fields = useMemo(
    () =>
      Object.entries(declared ?? {}).map(([name, input]): Field => {
        const read = readUserInput(input, typed[name] ?? '');
        return {name, input, typed: typed[name] ?? '', ...('value' in read ? {value: read.value} : shown ? {problem: read.problem} : {})};
      }),
    [declared, typed, shown],
  );
  // Keyed by the values as read, so the Connect link is made again only when what it connects to changes.
  const key = fields.every((f) => f.value !== undefined) ? JSON.stringify(fields.map((f) => f.value)) : null;
  const ready = useMemo(
    () => (key === null ? null : forUser(provider, Object.fromEntries(fields.map((f) => [f.name, f.value ?? ''])))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the fields' values
    [provider, key],
  );
  return {
    fields,
    ready,
    type: useCallback((name: string, value: string) => setTyped((before) => ({...before, [name]: value})), []),
    attempted: useCallback(() => setShown(true), []),
  };
}
