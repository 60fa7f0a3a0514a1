import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { PayoutsCard } from './payouts';

vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams() }));

const NOT_CONFIGURED = {
  status: 503,
  code: 'payouts.not_configured',
  title: 'Payouts are not configured',
  detail:
    "Payouts are not set up on this platform: set STRIPE_SECRET_KEY (the platform's Stripe secret key) and STRIPE_WEBHOOK_SECRET for payment-service.",
};

describe('payouts', () => {
  it('says plainly that payouts are not set up, where the controls would be, and offers none', async () => {
    const calls = stubFetch(() => problem(503, NOT_CONFIGURED));
    renderWithClient(<PayoutsCard />);
    expect(await screen.findByText(/Payouts are not set up on this platform: set STRIPE_SECRET_KEY/)).toBeInTheDocument();
    expect(screen.getByText('Payouts are not available on this platform yet')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(calls.filter((call) => call.path === '/api/v1/payouts/account')).toHaveLength(1);
  });

  it('offers onboarding when there is no account yet, and shows the history', async () => {
    stubFetch((call) =>
      call.path === '/api/v1/payouts/account'
        ? problem(409, { status: 409, code: 'payouts.no_account', detail: 'You have no payout account yet.' })
        : json(200, {
            items: [
              { id: 'p-1', amount: { amountMinor: 1250, currency: 'USD' }, status: 'PAID', requestedAt: '2026-11-02T10:00:00Z' },
              { id: 'p-2', amount: { amountMinor: 700, currency: 'USD' }, status: 'FAILED', failureReason: 'The bank refused it.' },
            ],
            page: 0,
            size: 20,
            totalItems: 2,
          }),
    );
    renderWithClient(<PayoutsCard />);
    expect(await screen.findByRole('button', { name: 'Set up payouts with Stripe' })).toBeInTheDocument();
    const history = await screen.findByRole('table', { name: 'Your payouts and their status' });
    expect(history).toHaveTextContent('$12.50');
    expect(history).toHaveTextContent('Failed');
    expect(history).toHaveTextContent('The bank refused it.');
  });

  it('shows what Stripe still needs, and the payout form once transfers are active', async () => {
    stubFetch((call) => {
      if (call.path === '/api/v1/payouts/account') {
        return json(200, { accountId: 'acct_1', transfersActive: true, payoutsEnabled: false, detailsSubmitted: true, requirementsDue: ['external_account'] });
      }
      if (call.path === '/api/v1/payments/balance') {
        return json(200, { balances: [{ currency: 'USD', available: { amountMinor: 312, currency: 'USD' }, reserved: { amountMinor: 0, currency: 'USD' } }] });
      }
      return json(200, { items: [], page: 0, size: 20, totalItems: 0 });
    });
    renderWithClient(<PayoutsCard />);
    expect(await screen.findByText('External account')).toBeInTheDocument();
    expect(await screen.findByRole('form', { name: 'Request a payout' })).toBeInTheDocument();
    expect(screen.getByLabelText('Amount')).toHaveAccessibleDescription('Empty: everything available ($3.12).');
    expect(screen.getByText('No payouts yet.')).toBeInTheDocument();
  });

  it("asks for an amount in the currency's digits, and shows a refusal at the amount", async () => {
    const calls = stubFetch((call) => {
      if (call.path === '/api/v1/payouts/account') return json(200, { accountId: 'acct_1', transfersActive: true, payoutsEnabled: true, requirementsDue: [] });
      if (call.path === '/api/v1/payments/balance') {
        return json(200, { balances: [{ currency: 'USD', available: { amountMinor: 312, currency: 'USD' }, reserved: { amountMinor: 0, currency: 'USD' } }] });
      }
      if (call.method === 'POST') {
        return problem(409, { status: 409, code: 'payouts.insufficient_balance', detail: 'Your available balance is $3.12.' });
      }
      return json(200, { items: [], page: 0, size: 20, totalItems: 0 });
    });
    renderWithClient(<PayoutsCard />);
    const amount = await screen.findByLabelText('Amount');
    await userEvent.type(amount, '4.005');
    await userEvent.click(screen.getByRole('button', { name: 'Pay out' }));
    expect(amount).toHaveAccessibleDescription(/Write an amount such as 12\.50/);
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    await userEvent.clear(amount);
    await userEvent.type(amount, '4');
    await userEvent.click(screen.getByRole('button', { name: 'Pay out' }));
    expect(await screen.findByText('Your available balance is $3.12.', { selector: 'p[id$="-error"]' })).toBeInTheDocument();
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({
      path: '/api/v1/payouts',
      body: { amount: { amountMinor: 400, currency: 'USD' }, currency: 'USD' },
    });
  });
});
