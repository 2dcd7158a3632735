/**
 * A test-only view using every component of the SDK's `ui/next` entry, as
 * Stripe's full-page sample does: Tabs whose Tab carries its label and its
 * panel, charts that take only `data` (x, y and a series `name` in each
 * datum), and a MeterChart whose segments answer a click.
 */
import {Box, ContextView} from '@stripe/ui-extension-sdk/ui';
import {BarChart, LineChart, MeterChart, SparkLineChart, Tab, Tabs} from '@stripe/ui-extension-sdk/ui/next';
import {useState} from 'react';

const week = (n: number) => new Date(Date.UTC(2026, 0, 5 + 7 * n));

const NextGallery = () => {
  const [tab, setTab] = useState('overview');
  const [clicked, setClicked] = useState('none');
  return (
    <ContextView title="Next components">
      <Box>Selected tab: {tab}</Box>
      <Tabs selectedKey={tab} onSelectionChange={setTab}>
        <Tab id="overview" label="Overview">
          <Box>The overview panel</Box>
          <LineChart
            data={[
              {x: week(0), y: 10, name: 'Members'},
              {x: week(1), y: 14, name: 'Members'},
              {x: week(2), y: null, name: 'Members'},
              {x: week(3), y: 21, name: 'Members'},
            ]}
          />
          <BarChart
            data={[
              {x: 'Jan', y: 120, name: 'Revenue'},
              {x: 'Feb', y: 80, name: 'Revenue'},
              {x: 'Jan', y: 30, name: 'Refunds'},
            ]}
          />
          <SparkLineChart
            data={[
              {x: week(0), y: 3, compare: 'previous'},
              {x: week(1), y: 5, compare: 'previous'},
              {x: week(0), y: 4, compare: 'current'},
              {x: week(1), y: 6, compare: 'current'},
            ]}
          />
        </Tab>
        <Tab id="tiers" label="Tiers">
          <Box>The tiers panel</Box>
          <MeterChart
            data={[
              {label: 'Barista', value: 6},
              {label: 'Regular', value: 3},
              {label: 'Gold', value: 1},
            ]}
            legendEnabled
            unitFormat={{unit: 'number', options: {}}}
            onSegmentClick={({eventType, data}) => setClicked(`${eventType} ${data?.label ?? 'nothing'}`)}
          />
          <MeterChart data={[{label: 'Paid', value: 1234.5}]} unitFormat={{unit: 'currency', options: {currency: 'eur'}}} />
          <Box>Clicked: {clicked}</Box>
        </Tab>
      </Tabs>
    </ContextView>
  );
};

export default NextGallery;
