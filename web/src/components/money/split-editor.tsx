'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { AppLink } from '@/components/ui/app-link';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, Loading, PageHeader } from '@/components/ui/states';
import { toProblem, type ApiProblem } from '@/lib/api/problem';
import { humanise } from '@/lib/format';
import { SHARE_ROLES, useSaveSplit, useSplit, type ShareRole, type Split, type SplitRequest } from '@/lib/queries/payments';
import { useTrack } from '@/lib/queries/tracks';
import { basisPointsOf, formatMoney, percentOf } from './money';
import { MoneyTabs } from './money-tabs';

export interface ShareRow {
  key: number;
  /** null: the track's owner, the artist editing. */
  email: string | null;
  role: ShareRole;
  percent: string;
  status?: string;
}

let nextKey = 0;

export function rowsOf(split: Split): ShareRow[] {
  const rows = (split.shares ?? []).map((share) => ({
    key: (nextKey += 1),
    email: share.email ?? null,
    role: share.role ?? 'OTHER',
    percent: percentOf(share.basisPoints ?? 0),
    status: share.status,
  }));
  // The owner's row is always there to take what is left, even when a split gave the owner nothing.
  if (!rows.some((row) => row.email === null)) {
    rows.unshift({ key: (nextKey += 1), email: null, role: 'MAIN_ARTIST', percent: '0', status: 'OWNER' });
  }
  return rows;
}

/** The sum of the rows in basis points, or null while a percentage cannot be read. */
export function totalOf(rows: readonly ShareRow[]): number | null {
  let total = 0;
  for (const row of rows) {
    const points = basisPointsOf(row.percent);
    if (points === null) return null;
    total += points;
  }
  return total;
}

const ROLE_OPTIONS = SHARE_ROLES.map((role) => ({ value: role, label: humanise(role) }));

/**
 * The request for the rows: an owner's row at 0 % is left out (the platform wants every share above zero).
 * `sent[i]` is the row that went out at index i, so that `shares[i].email` lands at the right field.
 */
export function requestOf(rows: readonly ShareRow[], effectiveFrom: string, split: Split | undefined) {
  const sent = rows.filter((row) => !(row.email === null && basisPointsOf(row.percent) === 0));
  const body: SplitRequest = {
    shares: sent.map((row) => ({
      email: row.email === null ? undefined : row.email.trim(),
      role: row.role,
      basisPoints: basisPointsOf(row.percent) ?? 0,
    })),
  };
  if (effectiveFrom) body.effectiveFrom = effectiveFrom;
  // The editor does not change a recoupment: one already agreed is sent back as it was.
  const recoupment = split?.recoupment;
  if (recoupment?.amount) {
    body.recoupment = {
      email: recoupment.email ?? undefined,
      amount: { amountMinor: recoupment.amount.amountMinor, currency: recoupment.amount.currency },
    };
  }
  return { body, sent };
}

function messageAt(problem: ApiProblem | null, index: number, field: string): string | undefined {
  if (!problem || index < 0) return undefined;
  return problem.messageFor(`shares[${index}].${field}`);
}

export function SplitPage({ trackId }: { trackId: string }) {
  const track = useTrack(trackId);
  const split = useSplit(trackId);
  const title = track.data?.title || 'Untitled';
  return (
    <>
      <PageHeader title="Money" description="What your music earned, who shares in it, and getting it paid out." />
      <MoneyTabs />
      {split.isPending ? (
        <Loading label="Loading the split…" />
      ) : split.error ? (
        <ProblemAlert error={split.error} />
      ) : (
        <SplitEditor trackId={trackId} trackTitle={title} split={split.data} />
      )}
    </>
  );
}

export function SplitEditor({ trackId, trackTitle, split }: { trackId: string; trackTitle: string; split: Split }) {
  const save = useSaveSplit(trackId);
  const [rows, setRows] = useState<ShareRow[]>(() => rowsOf(split));
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [checked, setChecked] = useState(false);
  const [sent, setSent] = useState<ShareRow[]>([]);

  const total = totalOf(rows);
  const problem = save.error ? toProblem(save.error) : null;
  const change = (key: number, patch: Partial<ShareRow>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
    if (save.isSuccess) save.reset();
  };
  const collaborators = rows.filter((row) => row.email !== null);
  const percentError = (row: ShareRow) =>
    checked && basisPointsOf(row.percent) === null
      ? 'Write a percentage with at most two decimals, such as 33.33.'
      : messageAt(problem, sent.indexOf(row), 'basisPoints');
  const emailError = (row: ShareRow) =>
    (checked && row.email !== null && row.email.trim() === '' ? 'Write the collaborator’s e-mail address.' : undefined) ??
    messageAt(problem, sent.indexOf(row), 'email');
  const totalMessage =
    total === null
      ? 'Some shares are not percentages yet.'
      : total === 10_000
        ? 'Total: 100 %.'
        : `Total: ${percentOf(total)} %. The shares must add up to exactly 100 %.`;
  const sharesProblem = problem?.messageFor('shares');

  return (
    <Card aria-labelledby="split-heading">
      <h2 id="split-heading" className="text-lg font-semibold">
        Split of {trackTitle}
      </h2>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-300">
        {split.version ? `Version ${split.version}` : 'Everything goes to you until you name collaborators'}
        {split.effectiveFrom ? `, in force from ${split.effectiveFrom}` : ''}. Earnings already posted never change.
      </p>
      <form
        noValidate
        aria-labelledby="split-heading"
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          const blank = rows.some((row) => row.email !== null && row.email.trim() === '');
          if (total !== 10_000 || blank) return;
          const request = requestOf(rows, effectiveFrom, split);
          setSent(request.sent);
          save.mutate(request.body, { onSuccess: (saved) => setRows(rowsOf(saved)) });
        }}
      >
        <ProblemAlert
          error={save.error}
          fields={['shares', 'effectiveFrom', ...rows.map((_, i) => `shares[${i}]`)]}
        />
        {save.isSuccess ? (
          <Alert tone="success">
            Split saved as version {save.data.version}. Collaborators named for the first time get an invitation by mail.
          </Alert>
        ) : null}
        <ul aria-label="Shares" className="flex flex-col gap-4">
          {rows.map((row) => {
            const n = collaborators.indexOf(row) + 1;
            const who = row.email === null ? 'Your' : `Collaborator ${n}`;
            return (
              <li key={row.key} className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-[1fr_12rem_8rem_auto] sm:items-start dark:border-zinc-800">
                {row.email === null ? (
                  <div className="flex flex-col gap-1.5">
                    <span className="text-sm font-medium">Who</span>
                    <span className="py-2">You, the track&apos;s owner</span>
                  </div>
                ) : (
                  <TextField
                    label={`${who} e-mail`}
                    type="email"
                    autoComplete="off"
                    value={row.email}
                    hint={row.status === 'ACCEPTED' ? 'Accepted.' : row.status === 'INVITED' ? 'Invited; not accepted yet.' : undefined}
                    onChange={(e) => change(row.key, { email: e.target.value })}
                    error={emailError(row)}
                  />
                )}
                <SelectField
                  label={`${who} role`}
                  value={row.role}
                  options={ROLE_OPTIONS}
                  onChange={(e) => change(row.key, { role: e.target.value as ShareRole })}
                  error={messageAt(problem, sent.indexOf(row), 'role')}
                />
                <TextField
                  label={`${who} share (%)`}
                  inputMode="decimal"
                  value={row.percent}
                  onChange={(e) => change(row.key, { percent: e.target.value })}
                  error={percentError(row)}
                />
                {row.email === null ? (
                  <span />
                ) : (
                  <Button
                    variant="ghost"
                    size="sm"
                    className="sm:mt-7"
                    onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  >
                    Remove collaborator {n}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
        <p
          role="status"
          aria-live="polite"
          className={
            total === 10_000
              ? 'text-sm font-medium'
              : checked || sharesProblem
                ? 'text-sm font-medium text-red-700 dark:text-red-400'
                : 'text-sm font-medium text-amber-800 dark:text-amber-300'
          }
        >
          {totalMessage}
          {sharesProblem && total === 10_000 ? ` ${sharesProblem}` : ''}
        </p>
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              const left = total === null ? 0 : Math.max(0, 10_000 - total);
              setRows((current) => [
                ...current,
                { key: (nextKey += 1), email: '', role: 'FEATURED_ARTIST', percent: percentOf(left) },
              ]);
            }}
          >
            Add a collaborator
          </Button>
        </div>
        <TextField
          label="In force from"
          type="date"
          className="max-w-xs"
          value={effectiveFrom}
          hint="Earnings for periods from this day on follow the new split. Empty: from today (a first split: from the start)."
          onChange={(e) => setEffectiveFrom(e.target.value)}
          error={problem?.messageFor('effectiveFrom')}
        />
        {split.recoupment?.amount ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            Recoupment kept as agreed: the first {formatMoney(split.recoupment.amount)} of revenue goes to{' '}
            {split.recoupment.email ?? 'you'} before the split applies ({formatMoney(split.recoupment.recouped)} recouped so
            far).
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" busy={save.isPending}>
            Save split
          </Button>
          <AppLink href="/money/splits" className="text-sm text-brand-700 underline dark:text-brand-100">
            Back to all splits
          </AppLink>
        </div>
      </form>
    </Card>
  );
}
