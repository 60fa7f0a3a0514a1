import { screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { vi } from 'vitest';
import { problem, renderWithClient, stubFetch } from '@/test/render';
import { VerifyEmail } from './verify-email';

let search = new URLSearchParams();
vi.mock('next/navigation', () => ({ useSearchParams: () => search }));

describe('the verify-email page', () => {
  it("spends the mail's token once, even under React's double effects, and says it is done", async () => {
    search = new URLSearchParams({ token: 'tok-123' });
    const calls = stubFetch(() => new Response(null, { status: 204 }));
    renderWithClient(
      <StrictMode>
        <VerifyEmail />
      </StrictMode>,
    );
    expect(await screen.findByText('Your e-mail address is verified')).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/v1/auth/email/verify', body: { token: 'tok-123' } });
  });

  it('counts an address verified already as verified', async () => {
    search = new URLSearchParams({ token: 'tok-used' });
    stubFetch(() => problem(409, { code: 'auth.email_already_verified', detail: 'Your e-mail address is verified already.' }));
    renderWithClient(<VerifyEmail />);
    expect(await screen.findByText('Your e-mail address is verified')).toBeInTheDocument();
  });

  it("shows the platform's sentence for a dead link", async () => {
    search = new URLSearchParams({ token: 'tok-old' });
    stubFetch(() =>
      problem(400, { code: 'auth.token_invalid', detail: 'This link is invalid or has expired. Ask for a new one.' }),
    );
    renderWithClient(<VerifyEmail />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This link is invalid or has expired. Ask for a new one.');
  });

  it('says what is wrong with a link without a token, and calls nothing', () => {
    search = new URLSearchParams();
    const calls = stubFetch(() => new Response(null, { status: 204 }));
    renderWithClient(<VerifyEmail />);
    expect(screen.getByRole('alert')).toHaveTextContent('This link has no verification token.');
    expect(calls).toHaveLength(0);
  });
});
