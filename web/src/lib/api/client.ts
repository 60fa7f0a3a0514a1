import createClient from 'openapi-fetch';
import type { paths } from './generated';
import { ApiProblem, networkProblem, problemFrom, problemFromResponse } from './problem';

/**
 * The one typed client of the gateway's API. The browser calls its own origin: the app's server (or nginx)
 * passes /api/* to the gateway, so the platform's httpOnly cookies travel with every call and the gateway's
 * Origin check passes. No token is ever visible to script.
 */

const AUTH_PATHS_WITHOUT_REFRESH = [
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/auth/password/forgot',
  '/api/v1/auth/password/reset',
  '/api/v1/auth/email/verify',
];

let refreshing: Promise<boolean> | null = null;

/**
 * Renews the access cookie from the refresh cookie. Concurrent callers share one request: the refresh token
 * rotates on every use, and the platform revokes the session when a rotated one is presented again.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= fetch(`${origin()}/api/v1/auth/refresh`, { method: 'POST', credentials: 'same-origin' })
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function origin(): string {
  return typeof window === 'undefined' ? '' : window.location.origin;
}

function mayRefresh(url: string): boolean {
  const path = new URL(url, 'http://app.invalid').pathname;
  return !AUTH_PATHS_WITHOUT_REFRESH.includes(path);
}

/** fetch, once more after a refresh when the access cookie has expired. */
export async function authFetch(input: Request): Promise<Response> {
  const retry = mayRefresh(input.url) ? input.clone() : null;
  const response = await fetch(input);
  if (response.status !== 401 || retry === null) {
    return response;
  }
  return (await refreshSession()) ? fetch(retry) : response;
}

export const api = createClient<paths>({
  baseUrl: origin(),
  credentials: 'same-origin',
  fetch: (request) => authFetch(request),
});

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of a call that succeeded, or an {@link ApiProblem} thrown: what TanStack Query's query and
 * mutation functions want.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw networkProblem();
  }
  if (!result.response.ok) {
    throw problemFrom(result.response.status, result.error);
  }
  return result.data as T;
}

/** For the calls the typed client cannot make (raw bodies, downloads): the same refresh and problem rules. */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await authFetch(new Request(`${origin()}${path}`, { credentials: 'same-origin', ...init }));
  } catch {
    throw networkProblem();
  }
  if (!response.ok) {
    throw await problemFromResponse(response);
  }
  return response;
}
