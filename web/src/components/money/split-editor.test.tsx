import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Split } from '@/lib/queries/payments';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { SplitEditor } from './split-editor';

vi.mock('next/navigation', () => ({ useRouter: () => ({ prefetch: vi.fn() }), usePathname: () => '/money/splits/t-1' }));

const OWNER_ONLY: Split = {
  trackId: 't-1',
  version: 0,
  shares: [{ email: null, role: 'MAIN_ARTIST', basisPoints: 10_000, status: 'OWNER' }],
};

async function addCollaborator(email: string, percent: string) {
  await userEvent.click(screen.getByRole('button', { name: 'Add a collaborator' }));
  const rows = screen.getAllByLabelText(/^Collaborator \d+ e-mail$/);
  const n = rows.length;
  await userEvent.type(screen.getByLabelText(`Collaborator ${n} e-mail`), email);
  const share = screen.getByLabelText(`Collaborator ${n} share (%)`);
  await userEvent.clear(share);
  await userEvent.type(share, percent);
}

describe('the splits editor', () => {
  it('says what the shares add up to, and sends nothing until they reach exactly 100 %', async () => {
    const calls = stubFetch(() => json(200, OWNER_ONLY));
    renderWithClient(<SplitEditor trackId="t-1" trackTitle="Night Drive" split={OWNER_ONLY} />);
    expect(screen.getByRole('status')).toHaveTextContent('Total: 100 %.');

    await addCollaborator('sam@example.com', '30');
    expect(screen.getByText('Total: 130 %. The shares must add up to exactly 100 %.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save split' }));
    expect(calls).toHaveLength(0);

    const mine = screen.getByLabelText('Your share (%)');
    await userEvent.clear(mine);
    await userEvent.type(mine, '66.666');
    await userEvent.click(screen.getByRole('button', { name: 'Save split' }));
    expect(mine).toHaveAccessibleDescription('Write a percentage with at most two decimals, such as 33.33.');
    expect(calls).toHaveLength(0);
  });

  it('sends the shares in basis points, the owner without an address', async () => {
    const calls = stubFetch((call) =>
      json(200, { trackId: 't-1', version: 1, shares: (call.body as { shares: unknown[] }).shares }),
    );
    renderWithClient(<SplitEditor trackId="t-1" trackTitle="Night Drive" split={OWNER_ONLY} />);
    await addCollaborator('sam@example.com', '33.33');
    await userEvent.selectOptions(screen.getByLabelText('Collaborator 1 role'), 'PRODUCER');
    const mine = screen.getByLabelText('Your share (%)');
    await userEvent.clear(mine);
    await userEvent.type(mine, '66.67');
    await userEvent.click(screen.getByRole('button', { name: 'Save split' }));

    expect(await screen.findByText(/Split saved as version 1\./)).toBeInTheDocument();
    expect(calls[0]).toMatchObject({ method: 'PUT', path: '/api/v1/payments/splits/t-1' });
    expect(calls[0]!.body).toEqual({
      shares: [
        { role: 'MAIN_ARTIST', basisPoints: 6667 },
        { email: 'sam@example.com', role: 'PRODUCER', basisPoints: 3333 },
      ],
    });
  });

  it("shows the service's refusal at the collaborator's field, also when the owner's 0 % row was left out", async () => {
    const calls = stubFetch(() =>
      problem(400, {
        status: 400,
        code: 'request.invalid',
        detail: 'The split is not valid; nothing was changed.',
        errors: [{ field: 'shares[0].email', message: 'must be an email address' }],
      }),
    );
    renderWithClient(<SplitEditor trackId="t-1" trackTitle="Night Drive" split={OWNER_ONLY} />);
    await addCollaborator('not-an-address', '100');
    const mine = screen.getByLabelText('Your share (%)');
    await userEvent.clear(mine);
    await userEvent.type(mine, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Save split' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The split is not valid; nothing was changed.');
    const email = screen.getByLabelText('Collaborator 1 e-mail');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Collaborator 1 e-mail must be an email address.');
    expect((calls[0]!.body as { shares: unknown[] }).shares).toEqual([
      { email: 'not-an-address', role: 'FEATURED_ARTIST', basisPoints: 10_000 },
    ]);
  });

  it('keeps a recoupment already agreed, and shows who is invited', async () => {
    const split: Split = {
      trackId: 't-1',
      version: 2,
      effectiveFrom: '2026-01-01',
      shares: [
        { email: null, role: 'MAIN_ARTIST', basisPoints: 5000, status: 'OWNER' },
        { email: 'sam@example.com', role: 'PRODUCER', basisPoints: 5000, status: 'INVITED' },
      ],
      recoupment: { email: 'sam@example.com', amount: { amountMinor: 50_000, currency: 'USD' }, recouped: { amountMinor: 0, currency: 'USD' } },
    };
    const calls = stubFetch(() => json(200, split));
    renderWithClient(<SplitEditor trackId="t-1" trackTitle="Night Drive" split={split} />);
    expect(screen.getByLabelText('Collaborator 1 e-mail')).toHaveAccessibleDescription('Invited; not accepted yet.');
    await userEvent.click(screen.getByRole('button', { name: 'Save split' }));
    await screen.findByText(/Split saved/);
    expect(calls[0]!.body).toMatchObject({ recoupment: { email: 'sam@example.com', amount: { amountMinor: 50_000, currency: 'USD' } } });
  });
});
