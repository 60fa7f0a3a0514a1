import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { SignupForm } from './signup-form';

const replace = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ replace, push: vi.fn() }) }));

async function fill() {
  await userEvent.type(screen.getByLabelText('Artist name'), 'Ada');
  await userEvent.type(screen.getByLabelText('E-mail address'), 'ada@example.com');
  await userEvent.type(screen.getByLabelText('Password'), 'short');
  await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('the sign-up form', () => {
  beforeEach(() => replace.mockReset());

  it("shows the password policy's refusal at the password", async () => {
    stubFetch(() =>
      problem(400, {
        detail: 'The password cannot be used.',
        code: 'request.invalid',
        errors: [{ field: 'password', message: 'must be at least 8 characters long' }],
      }),
    );
    renderWithClient(<SignupForm />);
    await fill();
    expect(await screen.findByText('Password must be at least 8 characters long.')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(replace).not.toHaveBeenCalled();
  });

  it('puts a taken address under the address', async () => {
    stubFetch(() => problem(409, { code: 'auth.email_taken', detail: 'An account with this e-mail address exists already.' }));
    renderWithClient(<SignupForm />);
    await fill();
    const email = screen.getByLabelText('E-mail address');
    await vi.waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('An account with this e-mail address exists already.');
  });

  it('opens the dashboard once the account exists', async () => {
    const calls = stubFetch(() => json(201, { user: { id: 'u1', displayName: 'Ada', emailVerified: false } }));
    renderWithClient(<SignupForm />);
    await fill();
    await vi.waitFor(() => expect(replace).toHaveBeenCalledWith('/dashboard'));
    expect(calls[0]).toMatchObject({
      path: '/api/v1/auth/register',
      body: { displayName: 'Ada', email: 'ada@example.com', password: 'short' },
    });
  });
});
