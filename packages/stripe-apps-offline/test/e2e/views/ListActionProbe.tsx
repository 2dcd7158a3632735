/**
 * A test-only view: a List with `onAction`, whose items the user presses to
 * tell the view which one (by the ListItem's `id`), as a list-to-detail
 * drawer does. One item has a link in its value, which stays a link of its own;
 * one carries its content as children.
 */
import {Box, ContextView, Link, List, ListItem} from '@stripe/ui-extension-sdk/ui';
import {useState} from 'react';

const ListActionProbe = () => {
  const [pressed, setPressed] = useState<string[]>([]);
  return (
    <ContextView title="List actions">
      <List onAction={(id) => setPressed((list) => [...list, String(id)])}>
        <ListItem id="item_one" title="First item" secondaryTitle="one" />
        <ListItem id="item_two" title="Second item" value={<Link href="https://example.com/two">open</Link>} />
        <ListItem title="Item without an id" />
        {/* Content as children, the way views written before SDK 3 pass it. */}
        <ListItem id="item_three">
          <Box>Third item, by its children</Box>
        </ListItem>
      </List>
      <Box>Pressed: {pressed.length ? pressed.join(', ') : 'none'}</Box>
      <List>
        <ListItem id="plain" title="Item of a list without onAction" />
      </List>
    </ContextView>
  );
};

export default ListActionProbe;
