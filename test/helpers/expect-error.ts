import { expect } from 'vitest';
import { ApiError } from '../../src/contracts/client.js';

/** Await a call that must fail with this API error code (and status). */
export async function expectApiError(
  promise: Promise<unknown>,
  code: string,
  status?: number,
): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect({ code: apiError.code, status: apiError.status }).toMatchObject({
      code,
      ...(status ? { status } : {}),
    });
    return apiError;
  }
  throw new Error(`Expected API error ${code}, but the call succeeded.`);
}
