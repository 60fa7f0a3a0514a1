'use client';

import { useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { Card, Loading } from '@/components/ui/states';
import { humanise } from '@/lib/format';
import { downloadStatementCsv, useStatement, type StatementLine } from '@/lib/queries/payments';
import { formatMoney, previousMonth } from './money';
import { ScrollArea } from './scroll-area';

function payeeName(payee: StatementLine['payees'][number]): string {
  if (payee.payee === 'owner') return payee.you ? 'You (owner)' : 'Owner';
  if (payee.payee === 'erased account') return 'An erased account';
  return payee.you ? `${payee.payee} (you)` : payee.payee;
}

/** Saves a Blob under a name, the way a link with `download` does. */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A month's statement: per track, store and payee, with the totals the ledger has, and its CSV. */
export function StatementCard() {
  const [period, setPeriod] = useState(previousMonth);
  const statement = useStatement(period);
  const csv = useMutation({
    mutationFn: () => downloadStatementCsv(period),
    onSuccess: ({ blob, name }) => save(blob, name),
  });
  const periodError = fieldErrorsOf(statement.error ?? csv.error)('period');

  return (
    <Card aria-labelledby="statement-heading">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <h2 id="statement-heading" className="text-lg font-semibold">
          Statement
        </h2>
        <div className="flex flex-wrap items-end gap-2">
          <TextField
            label="Month"
            type="month"
            name="period"
            min="1900-01"
            value={period}
            onChange={(e) => {
              setPeriod(e.target.value);
              csv.reset();
            }}
            error={periodError ?? (period === '' ? 'Choose a month.' : undefined)}
          />
          <Button variant="secondary" busy={csv.isPending} disabled={period === ''} onClick={() => csv.mutate()}>
            Download CSV
          </Button>
        </div>
      </div>
      <div className="flex flex-col gap-4">
        <ProblemAlert error={csv.error} fields={['period']} />
        {period === '' ? null : statement.isPending ? (
          <Loading label="Loading the statement…" />
        ) : statement.error ? (
          <ProblemAlert error={statement.error} fields={['period']} />
        ) : statement.data.lines.length === 0 && statement.data.payouts.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-300">Nothing was earned or paid out in this month.</p>
        ) : (
          <>
            <ScrollArea label="Statement lines">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Statement for {statement.data.period}: earnings per track, store and payee</caption>
                <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-300">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">Track</th>
                    <th scope="col" className="px-3 py-2 font-medium">Store</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Gross</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Fee</th>
                    <th scope="col" className="px-3 py-2 font-medium">Payee</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Share</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Held</th>
                  </tr>
                </thead>
                <tbody>
                  {statement.data.lines.map((line, index) => (
                    <Fragment key={`${line.trackId}:${line.store}:${line.gross.currency}:${index}`}>
                      {line.payees.map((payee, p) => (
                        <tr key={payee.payee} className={p === 0 ? 'border-t border-zinc-200 dark:border-zinc-800' : undefined}>
                          {p === 0 ? (
                            <>
                              <th scope="row" rowSpan={line.payees.length} className="px-3 py-2 align-top font-medium">
                                {line.trackTitle ?? (line.trackId ? 'A track' : 'Release')}
                              </th>
                              <td rowSpan={line.payees.length} className="px-3 py-2 align-top">{line.store}</td>
                              <td rowSpan={line.payees.length} className="px-3 py-2 text-right align-top tabular-nums">{formatMoney(line.gross)}</td>
                              <td rowSpan={line.payees.length} className="px-3 py-2 text-right align-top tabular-nums">{formatMoney(line.fee)}</td>
                            </>
                          ) : null}
                          <td className="px-3 py-2">{payeeName(payee)}</td>
                          <td className="px-3 py-2 text-right tabular-nums">{formatMoney(payee.share)}</td>
                          <td className="px-3 py-2 text-right tabular-nums">{payee.held.amountMinor > 0 ? formatMoney(payee.held) : '–'}</td>
                        </tr>
                      ))}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
            <ScrollArea label="Statement totals">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Totals for {statement.data.period} per currency</caption>
                <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-300">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">Totals</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Gross</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Fee</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Shares</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Held</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Paid out</th>
                  </tr>
                </thead>
                <tbody>
                  {statement.data.totals.map((total) => (
                    <tr key={total.currency} className="border-t border-zinc-200 font-medium dark:border-zinc-800">
                      <th scope="row" className="px-3 py-2">{total.currency}</th>
                      <td className="px-3 py-2 text-right tabular-nums">{formatMoney(total.gross)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatMoney(total.fee)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatMoney(total.shares)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatMoney(total.held)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatMoney(total.paid)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
            {statement.data.payouts.length > 0 ? (
              <div>
                <h3 className="mb-2 font-semibold">Payouts this month</h3>
                <ul className="flex flex-col gap-1 text-sm">
                  {statement.data.payouts.map((payout) => (
                    <li key={payout.payoutId}>
                      {formatMoney(payout.amount)}: {humanise(payout.status).toLowerCase()}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <p className="text-sm text-zinc-600 dark:text-zinc-300">
              Held: shares of collaborators who have not accepted their invitation yet; they become theirs when they do.
            </p>
          </>
        )}
      </div>
    </Card>
  );
}
