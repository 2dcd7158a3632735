/**
 * A test-only view whose focused button goes away, as a panel's buttons do
 * when its state changes: "Start over" takes itself away and, in a later
 * update, the whole group it stood in is replaced by a new one with a
 * "Connect" link; "Done" is simply removed, with "Next" after it.
 */
import {Box, Button, ContextView, Link} from '@stripe/ui-extension-sdk/ui';
import {useState} from 'react';

type Stage = 'buttons' | 'going' | 'replaced';

const FocusRemovalProbe = () => {
  const [stage, setStage] = useState<Stage>('buttons');
  const [done, setDone] = useState(false);
  const startOver = () => {
    setStage('going');
    // A second update, as a state machine that first drops the button and then draws its next screen.
    setTimeout(() => setStage('replaced'), 150);
  };
  return (
    <ContextView title="Focus removal">
      <Box css={{stack: 'y', gap: 'small'}}>
        <Button onPress={() => undefined}>Before</Button>
        {stage === 'replaced' ? (
          <Box key="new" css={{stack: 'y'}}>
            <Box>You are not connected.</Box>
            <Link href="https://example.com/connect" target="_blank">Connect</Link>
          </Box>
        ) : (
          <Box key="old" css={{stack: 'x', gap: 'small'}}>
            {stage === 'buttons' ? <Button onPress={startOver}>Start over</Button> : <Box>Starting over…</Box>}
          </Box>
        )}
        {done ? null : <Button onPress={() => setDone(true)}>Done</Button>}
        <Button onPress={() => undefined}>Next</Button>
      </Box>
    </ContextView>
  );
};

export default FocusRemovalProbe;
