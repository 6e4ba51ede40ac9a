import { type ApiClient, createApiClient } from '../contracts/client.js';
import { NetworkError, networkReason } from './errors.js';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * An API client whose transport failures become {@link NetworkError}s naming the server,
 * and whose requests give up after a timeout instead of hanging the terminal.
 *
 * @example
 * const api = createCliApi({ baseUrl: 'http://localhost:4000', token, fetch });
 * const me = await api.call(getMe, {});
 */
export function createCliApi(options: {
  baseUrl: string;
  token?: string | undefined;
  fetch: typeof fetch;
  timeoutMs?: number;
}): ApiClient {
  const { baseUrl, token, fetch: doFetch, timeoutMs = REQUEST_TIMEOUT_MS } = options;
  const guardedFetch: typeof fetch = async (input, init) => {
    try {
      return await doFetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new NetworkError(baseUrl, networkReason(error), error);
    }
  };
  return createApiClient({ baseUrl, fetch: guardedFetch, ...(token ? { token } : {}) });
}
