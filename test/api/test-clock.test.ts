import { afterEach, expect, it } from 'vitest';
import { createApiClient, setTestClock } from '../../src/contracts/index.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => server?.close());

it('moves the server clock forward only when RECITAL_TEST_CLOCK is set', async () => {
  server = await startTestServer({ env: { RECITAL_TEST_CLOCK: '1' } });
  const api = createApiClient({ baseUrl: server.url });
  const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const moved = await api.call(setTestClock, { body: { now: later } });
  expect(Date.parse(moved.now) - Date.parse(later)).toBeLessThan(5_000);
  expect(Math.abs(server.deps.clock.now().getTime() - Date.parse(later))).toBeLessThan(5_000);
  await expectApiError(
    api.call(setTestClock, { body: { now: new Date(Date.now()).toISOString() } }),
    'request.invalid',
    400,
  );
});

it('does not exist otherwise', async () => {
  server = await startTestServer();
  const response = await fetch(`${server.url}/api/v1/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"now":"2030-01-01T00:00:00.000Z"}',
  });
  expect(response.status).toBe(404);
});
