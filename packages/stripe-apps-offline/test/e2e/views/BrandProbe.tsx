/**
 * A test-only drawer view that brands itself, as ContextView's brandColor and
 * brandIcon let it (Stripe's show-toast sample passes an imported .svg).
 */
import {Box, ContextView} from '@stripe/ui-extension-sdk/ui';
import mark from './assets/mark.svg';

const BrandProbe = () => (
  <ContextView title="Branded" brandColor="#e8bd7d" brandIcon={mark}>
    <Box>Branded drawer</Box>
  </ContextView>
);

export default BrandProbe;
