import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { problem, json, renderWithClient, stubFetch } from '@/test/render';
import { LoginForm } from './login-form';

const replace = vi.fn();
let search = new URLSearchParams();
vi.mock('next/navigation', () => ({
  useRouter: () => ({ replace, push: vi.fn() }),
  useSearchParams: () => search,
}));

describe('the sign-in form', () => {
  beforeEach(() => {
    replace.mockReset();
    search = new URLSearchParams();
  });

  it("shows the platform's refusal as a sentence and stays on the page", async () => {
    const calls = stubFetch(() =>
      problem(401, { code: 'auth.invalid_credentials', detail: 'The e-mail address or the password is wrong.', status: 401 }),
    );
    renderWithClient(<LoginForm />);
    await userEvent.type(screen.getByLabelText('E-mail address'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'not it');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail address or the password is wrong.');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/v1/auth/login', body: { email: 'ada@example.com', password: 'not it' } });
    expect(replace).not.toHaveBeenCalled();
  });

  it('never refreshes the session on a refused sign-in', async () => {
    const calls = stubFetch(() => problem(401, { detail: 'The e-mail address or the password is wrong.' }));
    renderWithClient(<LoginForm />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/auth/login']);
  });

  it('goes where the artist was heading, but only within the app', async () => {
    stubFetch(() => json(200, { user: { id: 'u1', displayName: 'Ada' }, accessToken: 't', expiresIn: 86400 }));
    search = new URLSearchParams({ next: '/tracks/42' });
    renderWithClient(<LoginForm />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(replace).toHaveBeenCalledWith('/tracks/42'));

    replace.mockReset();
    search = new URLSearchParams({ next: '//evil.example/phish' });
    renderWithClient(<LoginForm />);
    await userEvent.click(screen.getAllByRole('button', { name: 'Sign in' })[1]!);
    await vi.waitFor(() => expect(replace).toHaveBeenCalledWith('/dashboard'));
  });

  it('says so when the platform cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    renderWithClient(<LoginForm />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The platform could not be reached. Check your connection and try again.');
  });
});
