import { ApiProblem } from '@/lib/api/problem';
import { keys } from '@/lib/queries/keys';
import { makeQueryClient } from './providers';

describe('the query client', () => {
  it('asks again who is signed in when a call finds the session over', async () => {
    const client = makeQueryClient();
    let asked = 0;
    await client.fetchQuery({ queryKey: keys.me, queryFn: () => ({ id: `u${(asked += 1)}` }) });
    await client
      .fetchQuery({ queryKey: ['tracks', 'x'], queryFn: () => Promise.reject(new ApiProblem(401, {})), retry: false })
      .catch(() => undefined);
    await vi.waitFor(() => expect(asked).toBe(2));
  });

  it('does not when nobody was signed in: a refused sign-in is not an ended session', async () => {
    const client = makeQueryClient();
    const mutation = client.getMutationCache().build(client, {
      mutationFn: () => Promise.reject(new ApiProblem(401, { code: 'auth.invalid_credentials' })),
    });
    await mutation.execute(undefined).catch(() => undefined);
    expect(client.getQueryData(keys.me)).toBeUndefined();
    expect(client.getQueryCache().find({ queryKey: keys.me })).toBeUndefined();
  });
});
