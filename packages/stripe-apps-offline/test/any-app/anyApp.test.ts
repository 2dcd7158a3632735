/**
 * The kit previews an app that is not Keyring, from that app's own folder: a
 * fixture with classic JSX ("jsx": "react" in its tsconfig), a component
 * declared for two viewports, a view that waits on animation frames, one that
 * asks the SDK for the Dashboard user's email, and a backend of its own and a
 * stand-in for its weather service, both named in its package.json. Everything runs through the kit's command, as a
 * developer runs it.
 */
import path from 'node:path';
import {errorsIn} from '../../src/testing/browser';
import {startKitCommand} from '../../src/testing/kitCommand';
import {previewSuite} from '../../src/testing/previewSuite';
import {until} from '../../src/testing/until';

const APP = path.join(__dirname, '../fixtures/any-app');

const suite = previewSuite(() => startKitCommand(APP).then((kit) => ({...kit, close: kit.stop})), undefined, 90_000);

test('the terminal names the app from its manifest and its own backend', () => {
  const output = suite.preview.cli.output();
  expect(output).toContain('Any App preview ready');
  expect(output).toMatch(/App backend: +http:\/\/127\.0\.0\.1:\d+ \(the app's own/);
  expect(output).toContain('backend: fixture backend on');
  // The fixture has no constants.oauth: nothing about connections is said.
  expect(output).not.toContain('Connections:');
});

test("the app's classic JSX builds, and the kit's own page still draws", async () => {
  await suite.page.goto(`${suite.preview.url}/?view=Canvas`);
  await suite.page.getByText(/Animation frames ran|No animation frame yet/).waitFor();
  expect(errorsIn(suite.consoleLines).filter((e) => /React is not defined/.test(e))).toEqual([]);
});

test("requestAnimationFrame runs in a view's frame, so a canvas view can draw", async () => {
  await suite.page.goto(`${suite.preview.url}/?view=Canvas`);
  await suite.page.getByText(/Animation frames ran: (2|3|several)/).waitFor({timeout: 10_000});
});

test("the SDK's getDashboardUserEmail answers the preview user's email", async () => {
  await suite.page.goto(`${suite.preview.url}/?view=WhoAmI&user=usr_PreviewBen0002`);
  await suite.page.getByText('Email: ben@example.com').waitFor();
});

test("the app's backend answers the view, given this run's signing secret", async () => {
  await suite.page.goto(`${suite.preview.url}/?view=WhoAmI`);
  await suite.page.getByText('Backend: answered with the signing secret set').waitFor();
  await suite.page.getByRole('cell', {name: 'GET /hello'}).or(suite.page.getByText('/hello')).first().waitFor();
});

test("a stand-in the app's package.json declares is started, and the app's URLs on its third party reach it", async () => {
  const output = suite.preview.cli.output();
  expect(output).toMatch(/weather stand-in: +http:\/\/127\.0\.0\.1:\d+ \(for https:\/\/api\.weather\.example/);
  expect(output).toContain('weather: weather stand-in on');
  await suite.page.goto(`${suite.preview.url}/?view=WhoAmI`);
  // forecastUrl and the CSP say https://api.weather.example, as the app ships them; neither local file names the stand-in.
  await suite.page.getByText('Forecast: clear (from the stand-in)').waitFor();
  await suite.page.getByText('/v1/today').first().waitFor();
  // The log keeps the earlier tests' visits to this view too: one more visit adds exactly one row, under the stand-in's name.
  const weatherRows = async () =>
    (await suite.page.locator('table tr').allInnerTexts()).filter((row) => /\bweather\b[^]*\bGET\s+\/v1\/today\s+200\b/.test(row)).length;
  const before = await weatherRows();
  expect(before).toBeGreaterThan(0);
  await suite.page.reload();
  await suite.page.getByText('Forecast: clear (from the stand-in)').waitFor();
  await until(
    () => new Promise((resolve) => setTimeout(resolve, 100)),
    async () => expect(await weatherRows()).toBe(before + 1),
  );
});

test('a component declared for two viewports is listed and opened in each', async () => {
  await suite.page.goto(suite.preview.url);
  const picker = suite.page.getByRole('combobox', {name: 'View', exact: true});
  const options = await picker.locator('option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
  expect(options).toEqual(
    expect.arrayContaining([
      ['Twice@stripe.dashboard.customer.detail', 'Twice (stripe.dashboard.customer.detail)'],
      ['Twice@stripe.dashboard.payment.detail', 'Twice (stripe.dashboard.payment.detail)'],
    ]),
  );
  await picker.selectOption('Twice@stripe.dashboard.payment.detail');
  await suite.page.getByText('Opened in stripe.dashboard.payment.detail').waitFor();
  await suite.page.goto(`${suite.preview.url}/?view=Twice@stripe.dashboard.customer.detail`);
  await suite.page.getByText('Opened in stripe.dashboard.customer.detail').waitFor();
  expect(errorsIn(suite.consoleLines).filter((e) => /same key/.test(e))).toEqual([]);
});
