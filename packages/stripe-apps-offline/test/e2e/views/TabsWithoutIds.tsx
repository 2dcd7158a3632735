/**
 * A test-only view with tabs written the way views did before SDK 9.3 made a
 * Tab's `id` required: only React keys, which never reach the host.
 */
import {Box, ContextView, Tab, TabList, TabPanel, TabPanels, Tabs} from '@stripe/ui-extension-sdk/ui';
import type {ComponentType, ReactNode} from 'react';

// The 9.3 types require `id`; older views (and Stripe's samples) leave it out, which is the case under test.
const KeyedTab = Tab as unknown as ComponentType<{children?: ReactNode}>;
const KeyedPanel = TabPanel as unknown as ComponentType<{children?: ReactNode}>;

const TabsWithoutIds = () => (
  <ContextView title="Tabs without ids">
    <Tabs>
      <TabList>
        {['payment', 'charges'].map((name) => (
          <KeyedTab key={name}>{name === 'payment' ? 'Payment' : 'Charges'}</KeyedTab>
        ))}
      </TabList>
      <TabPanels>
        <KeyedPanel key="payment">
          <Box>The payment panel</Box>
        </KeyedPanel>
        <KeyedPanel key="charges">
          <Box>The charges panel</Box>
        </KeyedPanel>
      </TabPanels>
    </Tabs>
  </ContextView>
);

export default TabsWithoutIds;
