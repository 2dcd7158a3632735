/**
 * A test-only view that reads `e.target.selectedIndex` in a Select's onChange,
 * as views written for the Dashboard do (Stripe's setting-ui sample maps the
 * index back to its own options list).
 */
import {Box, ContextView, Select} from '@stripe/ui-extension-sdk/ui';
import {useState} from 'react';

const choices = [
  {label: 'Choose your country', value: ''},
  {label: 'United States', value: 'us'},
  {label: 'Japan', value: 'jp'},
];

const SelectIndexProbe = () => {
  const [picked, setPicked] = useState('nothing');
  return (
    <ContextView title="Select index">
      <Select
        name="country"
        label="Country"
        onChange={(e) => {
          const index = (e.target as {selectedIndex?: number}).selectedIndex;
          setPicked(index === undefined ? 'no index' : `${index} ${choices[index]?.value ?? '?'} ${e.target.value}`);
        }}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
      <Box>Picked: {picked}</Box>
    </ContextView>
  );
};

export default SelectIndexProbe;
