// The one place that talks HTTP to the enshu server (docs/api.md "Conventions").
// - Same-origin requests with the session cookie; JSON in and out.
// - State-changing requests (POST/PATCH/PUT/DELETE) carry X-CSRF-Token from the session;
//   login and join (no session yet) carry X-Requested-With: enshu instead.
// - Error bodies {"error":{code,message,field}} become ApiError; a 401 on any request
//   other than login/join/session calls the handler set with setUnauthenticatedHandler.

export type ErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'
  | 'network';

export const KNOWN_CODES: readonly ErrorCode[] = [
  'invalid_argument',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'payload_too_large',
  'unprocessable',
  'rate_limited',
  'unavailable',
  'internal',
  'network',
];

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field: string | null;
  // The parsed JSON body of the error answer (e.g. the import report of a 422), if any.
  readonly body: unknown;

  constructor(status: number, code: ErrorCode, message: string, field: string | null, body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.body = body;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

// Set from the session answer of login/join/GET session; cleared on logout.
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  json?: unknown;
  // Raw body (file upload) with its content type.
  body?: Blob | ArrayBuffer | string;
  contentType?: string;
  // Extra request headers (e.g. If-Match).
  headers?: Record<string, string>;
  // 'public' = login/join: sends X-Requested-With and does not trigger the 401 handler.
  // 'probe' = a session check: a 401 is an answer, not a reason to redirect.
  mode?: 'session' | 'public' | 'probe';
  signal?: AbortSignal;
}

const STATE_CHANGING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function errorFromBody(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (error && typeof error === 'object') {
      const { code, message, field } = error as { code?: unknown; message?: unknown; field?: unknown };
      const known = typeof code === 'string' && (KNOWN_CODES as readonly string[]).includes(code);
      return new ApiError(
        status,
        known ? (code as ErrorCode) : (CODE_BY_STATUS[status] ?? 'internal'),
        typeof message === 'string' ? message : '',
        typeof field === 'string' && field !== '' ? field : null,
        body,
      );
    }
  }
  return new ApiError(status, CODE_BY_STATUS[status] ?? 'internal', '', null, body);
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const text = await response.text();
  if (text === '') return null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }
  return text;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    if (options.contentType) headers['Content-Type'] = options.contentType;
    body = options.body;
  }
  const mode = options.mode ?? 'session';
  if (mode === 'public') {
    headers['X-Requested-With'] = 'enshu';
  } else if (STATE_CHANGING.has(method) && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause), null);
  }

  const parsed = await readBody(response);
  if (!response.ok) {
    const error = errorFromBody(response.status, parsed);
    if (response.status === 401 && mode === 'session' && unauthenticatedHandler) {
      unauthenticatedHandler();
    }
    throw error;
  }
  return parsed as T;
}
