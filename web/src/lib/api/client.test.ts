import { json, problem, stubFetch } from '@/test/render';
import { api, unwrap } from './client';
import { ApiProblem } from './problem';

describe('the API client', () => {
  it('renews an expired session once and repeats the call', async () => {
    let signedIn = false;
    const calls = stubFetch((call) => {
      if (call.path === '/api/v1/auth/refresh') {
        signedIn = true;
        return json(200, {});
      }
      return signedIn ? json(200, { id: 'u1', displayName: 'Ada' }) : problem(401, { detail: 'Sign in to continue.' });
    });
    const me = await unwrap(api.GET('/api/v1/users/me'));
    expect(me.displayName).toBe('Ada');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/v1/users/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/users/me',
    ]);
  });

  it('shares one refresh among calls that fail together: the refresh token rotates on use', async () => {
    let signedIn = false;
    const calls = stubFetch(async (call) => {
      if (call.path === '/api/v1/auth/refresh') {
        await new Promise((r) => setTimeout(r, 10));
        signedIn = true;
        return json(200, {});
      }
      return signedIn ? json(200, { items: [], totalItems: 0 }) : problem(401, {});
    });
    await Promise.all([
      unwrap(api.GET('/api/v1/tracks', { params: { query: { page: 0, size: 5 } } })),
      unwrap(api.GET('/api/v1/albums', { params: { query: { page: 0, size: 5 } } })),
    ]);
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('gives up with the original 401 when the session cannot be renewed', async () => {
    stubFetch((call) =>
      call.path === '/api/v1/auth/refresh'
        ? problem(401, { code: 'auth.invalid_refresh_token', detail: 'Your session has ended. Sign in again.' })
        : problem(401, { code: 'auth.unauthenticated', detail: 'Sign in to continue.' }),
    );
    const error = await unwrap(api.GET('/api/v1/users/me')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).isUnauthorized).toBe(true);
    expect((error as ApiProblem).detail).toBe('Sign in to continue.');
  });

  it('turns any refusal into a problem with its code and field messages', async () => {
    stubFetch(() =>
      problem(409, { code: 'profile.handle_taken', detail: 'Another artist already has this handle.', status: 409 }),
    );
    const error = (await unwrap(
      api.PATCH('/api/v1/users/me', { body: { displayName: 'Ada', genres: [], links: [], handle: 'ada' } }),
    ).catch((e: unknown) => e)) as ApiProblem;
    expect(error.status).toBe(409);
    expect(error.code).toBe('profile.handle_taken');
  });
});
