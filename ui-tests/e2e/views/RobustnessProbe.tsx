/**
 * A test-only view (never shipped): imports an image as `stripe apps start`
 * allows, and can be made to throw during a later render.
 */
import {Box, Button, ContextView, Img} from '@stripe/ui-extension-sdk/ui';
import {useState} from 'react';
import mark from './assets/mark.svg';

const Exploding = () => {
  throw new Error('Boom after the first render');
};

const RobustnessProbe = () => {
  const [explode, setExplode] = useState(false);
  return (
    <ContextView title="Robustness probe">
      <Box css={{stack: 'y', gap: 'small'}}>
        <Img src={mark} alt="Imported mark" width={32} height={32} />
        <Button onPress={() => setExplode(true)}>Explode</Button>
        {explode ? <Exploding /> : null}
      </Box>
    </ContextView>
  );
};

export default RobustnessProbe;
