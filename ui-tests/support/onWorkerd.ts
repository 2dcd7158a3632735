// jest.config.mjs, project "backend on workerd": the same route tests, with the backend as a Worker (backendUnderTest.ts).
process.env.KEYRING_BACKEND_RUNTIME = 'workerd';
