import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { problem, renderWithClient, stubFetch } from '@/test/render';
import { ResetPasswordForm } from './reset-form';

const replace = vi.fn();
let search = new URLSearchParams({ token: 'reset-tok' });
vi.mock('next/navigation', () => ({ useRouter: () => ({ replace }), useSearchParams: () => search }));

describe('the password reset form', () => {
  beforeEach(() => {
    replace.mockReset();
    search = new URLSearchParams({ token: 'reset-tok' });
  });

  it('refuses two different passwords before asking the platform', async () => {
    const calls = stubFetch(() => new Response(null, { status: 204 }));
    renderWithClient(<ResetPasswordForm />);
    await userEvent.type(screen.getByLabelText('New password'), 'one long password');
    await userEvent.type(screen.getByLabelText('Confirm the password'), 'another long password');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('Confirm the password')).toHaveAccessibleDescription('The two passwords differ.');
    expect(calls).toHaveLength(0);
  });

  it('sends the token with the new password, then opens the sign-in page', async () => {
    const calls = stubFetch(() => new Response(null, { status: 204 }));
    renderWithClient(<ResetPasswordForm />);
    await userEvent.type(screen.getByLabelText('New password'), 'one long password');
    await userEvent.type(screen.getByLabelText('Confirm the password'), 'one long password');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await vi.waitFor(() => expect(replace).toHaveBeenCalledWith('/login?reset=1'));
    expect(calls[0]).toMatchObject({ path: '/api/v1/auth/password/reset', body: { token: 'reset-tok', newPassword: 'one long password' } });
  });

  it('offers a new link when the platform says this one is dead', async () => {
    stubFetch(() =>
      problem(400, { code: 'auth.token_invalid', detail: 'This link is invalid or has expired. Ask for a new one.' }),
    );
    renderWithClient(<ResetPasswordForm />);
    await userEvent.type(screen.getByLabelText('New password'), 'one long password');
    await userEvent.type(screen.getByLabelText('Confirm the password'), 'one long password');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
    expect(screen.getByRole('alert')).toHaveTextContent('This link is invalid or has expired. Ask for a new one.');
    expect(replace).not.toHaveBeenCalled();
  });
});
