/** until(): waits for an assertion to hold, and when it never does, says so briefly. */
import {SHOWN_CHARS, until} from '../../src/testing/until';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

test('it returns as soon as the assertion holds', async () => {
  let n = 0;
  await until(async () => {
    n++;
    await tick();
  }, () => expect(n).toBeGreaterThanOrEqual(3));
  expect(n).toBe(3);
});

test("at the deadline the assertion's own error comes out, saying how long was waited and cut to size", async () => {
  const shown = `${'Acme API key\n'.repeat(1000)}Could not save`;
  const error = (await until(tick, () => expect(shown).toContain('Save ShipSync key'), 50).catch((e: unknown) => e)) as Error;
  expect(error.message).toMatch(/^Still failing after 0\.05 s of waiting:\n/);
  expect(error.message).toContain('Save ShipSync key');
  expect(error.message.length).toBeLessThan(SHOWN_CHARS + 200);
  expect(error.message).toMatch(/more characters left out\)$/);
});
