import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { InvitationPage } from './invitation';

const ME = { id: 'u-2', email: 'sam@example.com', displayName: 'Sam' };
const INVITATION = {
  id: 'i-1',
  email: 'sam@example.com',
  accepted: false,
  tracks: [{ trackId: 't-1', role: 'PRODUCER', basisPoints: 3000 }],
  held: [{ amountMinor: 134, currency: 'USD' }],
};
const UNAUTHENTICATED = { status: 401, code: 'auth.unauthenticated', detail: 'Sign in to continue.' };

describe('a split invitation', () => {
  it('signed out, offers to sign in and come back, or to create an account right here', async () => {
    stubFetch((call) => (call.path === '/api/v1/auth/refresh' ? new Response(null, { status: 401 }) : problem(401, UNAUTHENTICATED)));
    renderWithClient(<InvitationPage token="tok_1" />);
    expect(await screen.findByRole('link', { name: 'Sign in to accept' })).toHaveAttribute(
      'href',
      `/login?next=${encodeURIComponent('/invitations/tok_1')}`,
    );
    expect(screen.getByRole('form', { name: 'Create your account to accept' })).toBeInTheDocument();
  });

  it('signed in, shows the shares and what is held, and accepts', async () => {
    const calls = stubFetch((call) => {
      if (call.path === '/api/v1/users/me') return json(200, ME);
      if (call.method === 'POST') return json(200, { ...INVITATION, accepted: true });
      return json(200, INVITATION);
    });
    renderWithClient(<InvitationPage token="tok_1" />);
    expect(await screen.findByRole('list', { name: 'Your shares' })).toHaveTextContent('30 % as producer of a track');
    expect(screen.getByText(/Held for you now: \$1\.34\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Accept the invitation' }));
    expect(await screen.findByText('Invitation accepted')).toBeInTheDocument();
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/payments/splits/invitations/tok_1/accept' });
  });

  it("shows the platform's sentence for a link that is not valid", async () => {
    stubFetch((call) =>
      call.path === '/api/v1/users/me'
        ? json(200, ME)
        : problem(404, { status: 404, code: 'invitation.not_found', detail: 'This invitation link is not valid (any more).' }),
    );
    renderWithClient(<InvitationPage token="nope" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation link is not valid (any more).');
    expect(screen.queryByRole('button', { name: 'Accept the invitation' })).not.toBeInTheDocument();
  });
});
