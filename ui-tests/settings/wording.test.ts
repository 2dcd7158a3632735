/** The small pieces of English the views share. */
import {modeNote, withArticle} from '../../src/ui/wording';

test('"a" or "an" follows how the label is said: by its first letter, or letter by letter for an acronym', () => {
  expect(withArticle('Acme API key')).toBe('an Acme API key');
  expect(withArticle('Shipping webhook secret')).toBe('a Shipping webhook secret');
  expect(withArticle('SSH key')).toBe('an SSH key');
  expect(withArticle('UPS key')).toBe('a UPS key');
  expect(withArticle('inventory token')).toBe('an inventory token');
});

test('the mode note names the mode the page is in and says the other keeps its own', () => {
  expect(modeNote('test', 'keys')).toBe('These are the test-mode keys. Live mode keeps its own.');
  expect(modeNote('live', 'connection')).toBe('This is your live-mode connection. Test mode keeps its own.');
});
