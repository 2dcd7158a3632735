// Suites start real servers, child processes and Chromium: 30 s a test, whoever runs them.
jest.setTimeout(30_000);
