/** Small pieces of English the settings page and the Connections panel share. */

// Letters whose spoken name starts with a vowel sound: "an SSH key", "an MCP token", but "a UPS key".
const VOWEL_SOUND_LETTERS = new Set(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']);

/**
 * "a" or "an" before `noun`, chosen by how its first word is said: read as
 * letters when it is an acronym (all capitals), else by its first letter. Labels
 * come from stripe-app.json, so words like "hour" or "user" that break the rule
 * are not worth a dictionary here.
 */
export function withArticle(noun: string): string {
  const word = noun.trim().split(/\s+/)[0] ?? '';
  const acronym = word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word);
  const first = word.charAt(0);
  const vowelSound = acronym ? VOWEL_SOUND_LETTERS.has(first) : /^[aeiou]/i.test(first);
  return `${vowelSound ? 'an' : 'a'} ${noun}`;
}

/**
 * Test and live mode keep separate secrets, so a key or a connection made in
 * one is missing in the other: the line that says so wherever that matters,
 * e.g. ("test", "keys") → "These are the test-mode keys. Live mode keeps its own."
 */
export function modeNote(mode: 'test' | 'live', what: 'keys' | 'connection'): string {
  const other = mode === 'live' ? 'Test' : 'Live';
  const these = what === 'keys' ? `These are the ${mode}-mode keys` : `This is your ${mode}-mode connection`;
  return `${these}. ${other} mode keeps its own.`;
}
