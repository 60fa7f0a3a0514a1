'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { fieldErrorsOf, isProblem, ProblemAlert } from '@/components/ui/problem-alert';
import { Card, Loading } from '@/components/ui/states';
import { toProblem } from '@/lib/api/problem';
import { formatDate, humanise } from '@/lib/format';
import {
  PAYOUTS_NOT_CONFIGURED,
  useBalance,
  usePayoutAccount,
  usePayouts,
  useRequestPayout,
  useStartOnboarding,
  type PayoutAccount,
} from '@/lib/queries/payments';
import { formatMoney, fractionDigits, parseAmount } from './money';
import { ScrollArea } from './scroll-area';

/**
 * Stripe Connect onboarding, payouts and their history. While the platform has no Stripe keys every payout
 * endpoint answers 503 payouts.not_configured: its sentence stands where the controls would be.
 */
export function PayoutsCard() {
  const account = usePayoutAccount();
  const notConfigured = isProblem(account.error, PAYOUTS_NOT_CONFIGURED);
  const noAccount = isProblem(account.error, 'payouts.no_account');

  return (
    <Card aria-labelledby="payouts-heading" id="payouts">
      <h2 id="payouts-heading" className="mb-4 text-lg font-semibold">
        Payouts
      </h2>
      {account.isPending ? (
        <Loading label="Asking Stripe about your payout account…" />
      ) : notConfigured ? (
        <Alert tone="warning" title="Payouts are not available on this platform yet">
          {toProblem(account.error).detail}
        </Alert>
      ) : (
        <div className="flex flex-col gap-6">
          <OnboardingReturn />
          {noAccount ? (
            <NoAccount />
          ) : account.error ? (
            <ProblemAlert error={account.error} />
          ) : account.data ? (
            <AccountState account={account.data} />
          ) : null}
          {account.data?.transfersActive ? <PayoutForm /> : null}
          <PayoutHistory />
        </div>
      )}
    </Card>
  );
}

/** Stripe sends the artist back with ?onboarding=done, or =refresh when the link expired before use. */
function OnboardingReturn() {
  const onboarding = useSearchParams().get('onboarding');
  if (onboarding === 'done') {
    return <Alert tone="info">Welcome back. Stripe checks what you entered; the state below follows its answer.</Alert>;
  }
  if (onboarding === 'refresh') {
    return <Alert tone="warning">The onboarding link expired before it was finished. Continue with a fresh one below.</Alert>;
  }
  return null;
}

function OnboardingButton({ label }: { label: string }) {
  const start = useStartOnboarding();
  return (
    <div className="flex flex-col gap-2">
      <ProblemAlert error={start.error} />
      <div>
        <Button
          busy={start.isPending || start.isSuccess}
          onClick={() =>
            start.mutate(undefined, {
              onSuccess: (created) => {
                if (created.onboardingUrl) window.location.assign(created.onboardingUrl);
              },
            })
          }
        >
          {label}
        </Button>
      </div>
    </div>
  );
}

function NoAccount() {
  return (
    <div className="flex flex-col gap-3">
      <p>
        To be paid, set up a payout account with Stripe, our payment provider: it asks who you are and where your bank
        account is, then sends your balance there.
      </p>
      <OnboardingButton label="Set up payouts with Stripe" />
    </div>
  );
}

function AccountState({ account }: { account: PayoutAccount }) {
  const due = account.requirementsDue ?? [];
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Transfers</dt>
          <dd className="font-medium">{account.transfersActive ? 'Active' : 'Not active yet'}</dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Payouts to your bank</dt>
          <dd className="font-medium">{account.payoutsEnabled ? 'Enabled' : 'Not enabled yet'}</dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Details</dt>
          <dd className="font-medium">{account.detailsSubmitted ? 'Submitted' : 'Not submitted yet'}</dd>
        </div>
      </dl>
      {account.disabledReason ? <Alert tone="warning">Stripe has paused this account: {humanise(account.disabledReason.replace(/\./g, '_'))}.</Alert> : null}
      {due.length > 0 ? (
        <div className="text-sm">
          <p className="font-medium">Stripe still needs:</p>
          <ul className="list-disc pl-5">
            {due.map((item) => (
              <li key={item}>{humanise(item.replace(/\./g, '_'))}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!account.transfersActive || due.length > 0 ? <OnboardingButton label="Continue onboarding with Stripe" /> : null}
    </div>
  );
}

function PayoutForm() {
  const balance = useBalance();
  const request = useRequestPayout();
  const currencies = (balance.data ?? []).map((b) => b.currency);
  const [currency, setCurrency] = useState('');
  const [amount, setAmount] = useState('');
  const [typo, setTypo] = useState<string | undefined>();
  const chosen = currency || currencies[0] || 'USD';
  const available = balance.data?.find((b) => b.currency === chosen)?.available;
  const errorFor = fieldErrorsOf(request.error, {
    'payouts.insufficient_balance': 'amount',
    'payouts.below_minimum': 'amount',
  });

  if (balance.isPending) return <Loading label="Loading your balance…" />;
  if (currencies.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-300">Nothing to pay out yet.</p>;

  return (
    <form
      noValidate
      aria-label="Request a payout"
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const minor = amount.trim() === '' ? available?.amountMinor ?? 0 : parseAmount(amount, chosen);
        if (minor === null || minor <= 0) {
          setTypo(`Write an amount such as ${(12.5).toFixed(fractionDigits(chosen))}, or leave it empty to pay out everything available.`);
          return;
        }
        setTypo(undefined);
        request.mutate({ amountMinor: minor, currency: chosen });
      }}
    >
      <h3 className="font-semibold">Request a payout</h3>
      <ProblemAlert error={request.error} fields={['amount', 'amount.amountMinor', 'currency']} />
      {request.isSuccess ? (
        <Alert tone="success">
          {request.data.status === 'PAID'
            ? `${formatMoney(request.data.amount)} is on its way to your Stripe account.`
            : `${formatMoney(request.data.amount)} is reserved for a payout; Stripe's answer will show in the history below.`}
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
        <SelectField
          label="Currency"
          value={chosen}
          onChange={(e) => setCurrency(e.target.value)}
          options={currencies.map((c) => ({ value: c, label: c }))}
        />
        <TextField
          label="Amount"
          inputMode="decimal"
          hint={`Empty: everything available (${formatMoney(available)}).`}
          value={amount}
          onChange={(e) => {
            setAmount(e.target.value);
            setTypo(undefined);
          }}
          error={typo ?? errorFor('amount') ?? errorFor('amount.amountMinor')}
        />
      </div>
      <div>
        <Button type="submit" busy={request.isPending}>
          Pay out
        </Button>
      </div>
    </form>
  );
}

function PayoutHistory() {
  const [page, setPage] = useState(0);
  const payouts = usePayouts(page);
  if (payouts.isPending) return <Loading label="Loading your payouts…" />;
  if (payouts.isError) return <ProblemAlert error={payouts.error} />;
  const total = payouts.data.totalItems ?? 0;
  return (
    <section aria-labelledby="payout-history-heading" className="flex flex-col gap-2">
      <h3 id="payout-history-heading" className="font-semibold">
        History
      </h3>
      {payouts.data.items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">No payouts yet.</p>
      ) : (
        <ScrollArea label="Payout history">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your payouts and their status</caption>
            <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-300">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Requested</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Amount</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
              </tr>
            </thead>
            <tbody>
              {payouts.data.items.map((payout) => (
                <tr key={payout.id} className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="px-3 py-2">{formatDate(payout.requestedAt)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatMoney(payout.amount)}</td>
                  <td className="px-3 py-2">
                    {humanise(payout.status)}
                    {payout.failureReason ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{payout.failureReason}</span> : null}
                    {payout.reversed && payout.reversed.amountMinor > 0 ? (
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">{formatMoney(payout.reversed)} reversed</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {total > 20 ? (
        <div className="flex justify-between">
          <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </Button>
          <Button variant="secondary" size="sm" disabled={(page + 1) * 20 >= total} onClick={() => setPage(page + 1)}>
            Older
          </Button>
        </div>
      ) : null}
    </section>
  );
}
