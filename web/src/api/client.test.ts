import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request, setCsrfToken, setUnauthenticatedHandler } from './client';
import { importOrganisations, login, XLSX_TYPE } from './endpoints';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const fetchMock = vi.fn<typeof fetch>();

function lastCall(): { url: string; init: RequestInit; headers: Record<string, string> } {
  const call = fetchMock.mock.calls.at(-1);
  if (!call) throw new Error('fetch was not called');
  const init = call[1] ?? {};
  return { url: String(call[0]), init, headers: (init.headers ?? {}) as Record<string, string> };
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});
afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('sends the session CSRF token on state-changing requests only', async () => {
    setCsrfToken('csrf-123');
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(200, { ok: true })));

    await request('GET', '/api/x');
    expect(lastCall().headers['X-CSRF-Token']).toBeUndefined();

    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      await request(method, '/api/x', { json: {} });
      expect(lastCall().headers['X-CSRF-Token']).toBe('csrf-123');
      expect(lastCall().init.credentials).toBe('same-origin');
    }
  });

  it('sends X-Requested-With on login and no CSRF token', async () => {
    setCsrfToken('stale');
    fetchMock.mockResolvedValue(
      jsonResponse(200, { user: { id: 1 }, memberships: [], csrf_token: 'fresh' }),
    );
    await login('organiser', 'secret password');
    const { url, init, headers } = lastCall();
    expect(url).toBe('/api/auth/login');
    expect(headers['X-Requested-With']).toBe('enshu');
    expect(headers['X-CSRF-Token']).toBeUndefined();
    expect(JSON.parse(String(init.body))).toEqual({ login: 'organiser', password: 'secret password' });
  });

  it('maps the error body to ApiError with code, message and field', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, {
        error: { code: 'invalid_argument', message: "sector_code: unknown sector 'xyz'", field: 'sector_code' },
      }),
    );
    const error = await request('POST', '/api/x', { json: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_argument',
      message: "sector_code: unknown sector 'xyz'",
      field: 'sector_code',
    });
  });

  it('derives the code from the status when the body is not the error shape', async () => {
    fetchMock.mockResolvedValue(new Response('Too Many Requests', { status: 429 }));
    await expect(request('GET', '/api/x')).rejects.toMatchObject({ code: 'rate_limited', field: null });
  });

  it('turns a failed fetch into a network error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(request('GET', '/api/x')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('calls the unauthenticated handler on 401 for session requests, not for login', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    const unauthenticated = { error: { code: 'unauthenticated', message: 'session expired' } };
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(401, unauthenticated)));

    await expect(login('a', 'b')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(handler).not.toHaveBeenCalled();

    await expect(request('GET', '/api/exercises')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('builds the query string without empty values', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, {}));
    await request('GET', '/api/o', { query: { page: 2, q: '電力', sector: undefined, mode: '' } });
    expect(lastCall().url).toBe(`/api/o?page=2&q=${encodeURIComponent('電力')}`);
  });
});

describe('importOrganisations', () => {
  it('posts the raw file with its content type and the dry_run flag', async () => {
    setCsrfToken('csrf-1');
    const report = { dry_run: true, valid: true, row_count: 3, created: 0, updated: 0, errors: [] };
    fetchMock.mockResolvedValue(jsonResponse(200, report));
    const file = new Blob(['xlsx bytes']);
    await expect(importOrganisations(4, file, XLSX_TYPE, true)).resolves.toEqual(report);
    const { url, init, headers } = lastCall();
    expect(url).toBe('/api/exercises/4/imports/organisations?dry_run=true');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(headers['Content-Type']).toBe(XLSX_TYPE);
    expect(headers['X-CSRF-Token']).toBe('csrf-1');
  });

  it('returns the row errors of a 422 answer instead of throwing', async () => {
    const report = {
      dry_run: false,
      valid: false,
      row_count: 2,
      created: 0,
      updated: 0,
      errors: [{ row: 2, column: 'sector', message: "unknown sector '電気'" }],
    };
    fetchMock.mockResolvedValue(jsonResponse(422, report));
    await expect(importOrganisations(1, new Blob(['a']), 'text/csv', false)).resolves.toEqual(report);
  });

  it('still throws other errors', async () => {
    fetchMock.mockResolvedValue(jsonResponse(413, { error: { code: 'payload_too_large', message: 'body' } }));
    await expect(importOrganisations(1, new Blob(['a']), 'text/csv', true)).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });
});
