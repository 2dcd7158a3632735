/** The fields a provider needs filled before Connect (Shopify's shop domain), each saying what it will connect to. */
import {Box, TextField} from '@stripe/ui-extension-sdk/ui';
import type {UserInputsState} from './useUserInputs';

export function UserInputFields({provider, inputs}: {provider: string; inputs: UserInputsState}) {
  if (inputs.fields.length === 0) return null;
  return (
    <Box css={{stack: 'y', gap: 'small'}}>
      {inputs.fields.map((field) => (
        <TextField
          key={field.name}
          name={field.name}
          // Named for its provider: with several connections the drawer may ask more than one.
          label={`${provider} ${field.input.label.toLowerCase()}`}
          placeholder={field.input.example}
          description={field.value !== undefined && field.value !== field.typed.trim() ? `Connects to ${field.value}.` : `Enter ${field.input.description}.`}
          autoComplete="off"
          spellCheck={false}
          value={field.typed}
          onChange={(e) => inputs.type(field.name, e.target.value)}
          onKeyDown={(e) => {
            // Enter cannot open the sign-in tab (only the Connect link can): it says what is missing instead.
            if (e.key === 'Enter') inputs.attempted();
          }}
          error={field.problem}
          invalid={field.problem !== undefined}
        />
      ))}
    </Box>
  );
}
