import {Box, Spinner} from '@stripe/ui-extension-sdk/ui';

/** A spinner with a line saying what is being waited for. */
export function Busy({children, size}: {children: string; size?: 'small'}) {
  return (
    <Box css={{stack: 'x', gap: 'small', alignY: 'center'}}>
      <Spinner size={size} />
      {children}
    </Box>
  );
}
