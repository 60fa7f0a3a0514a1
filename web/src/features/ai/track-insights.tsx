'use client';

import { Alert } from '@/components/ui/alert';
import { cn } from '@/components/ui/cn';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, Loading } from '@/components/ui/states';
import { toProblem } from '@/lib/api/problem';
import { formatNumber } from '@/lib/format';
import { type Insights, type StoreGain, useTrackInsights } from '@/lib/queries/ai';

function signed(value: number | undefined | null, unit: string): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '–';
  return `${value > 0 ? '+' : ''}${formatNumber(value, 1)} ${unit}`;
}

function PeakAfter({ store }: { store: StoreGain }) {
  if (store.truePeakAfterGainDbtp === undefined || store.truePeakAfterGainDbtp === null) return <>–</>;
  return (
    <span className={cn(store.clips ? 'font-semibold text-red-700 dark:text-red-400' : store.overHeadroom ? 'text-amber-800 dark:text-amber-300' : undefined)}>
      {signed(store.truePeakAfterGainDbtp, 'dBTP')}
      {store.clips ? ' · clips' : store.overHeadroom ? ' · over −1' : ''}
    </span>
  );
}

export function InsightsView({ insights }: { insights: Insights }) {
  const stores = insights.stores ?? [];
  const problems = insights.problems ?? [];
  return (
    <div className="flex flex-col gap-4">
      {stores.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">What each store&apos;s normalisation does to this track</caption>
            <thead className="text-zinc-600 dark:text-zinc-300">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">Store</th>
                <th scope="col" className="py-1 pr-4 font-medium">Gain</th>
                <th scope="col" className="py-1 pr-4 font-medium">True peak after</th>
                <th scope="col" className="py-1 font-medium">In words</th>
              </tr>
            </thead>
            <tbody>
              {stores.map((store) => (
                <tr key={store.store} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                  <th scope="row" className="py-1.5 pr-4 font-medium">{store.name}</th>
                  <td className="py-1.5 pr-4 tabular-nums">{signed(store.gainDb, 'dB')}</td>
                  <td className="py-1.5 pr-4 tabular-nums"><PeakAfter store={store} /></td>
                  <td className="py-1.5">{store.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {insights.tempo || insights.key ? (
        <dl className="grid gap-2 sm:grid-cols-2">
          {insights.tempo ? (
            <div className="rounded-md bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Tempo</dt>
              <dd className="mt-0.5">{insights.tempo}</dd>
            </div>
          ) : null}
          {insights.key ? (
            <div className="rounded-md bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Key</dt>
              <dd className="mt-0.5">{insights.key}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <div>
        <h3 className="mb-2 font-semibold">Before you release it</h3>
        {problems.length === 0 ? (
          <p className="text-emerald-800 dark:text-emerald-300">Nothing to fix: the numbers show no problem.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {problems.map((problem) => (
              <li key={problem.code} className="rounded-md bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
                <p>{problem.message}</p>
                <p className="mt-1 font-medium">Fix: {problem.fix}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/**
 * What the analysis means for the track, from ai-service's rules. Its facts arrive by event a moment after
 * the track is ready, so a 404 is asked again briefly before it is called what it is.
 */
export function TrackInsights({ trackId, ready, pollMs }: { trackId: string; ready: boolean; pollMs?: number }) {
  const insights = useTrackInsights(trackId, ready, pollMs);
  if (!ready) return null;
  let body: React.ReactNode;
  if (insights.isPending) {
    body = (
      <Loading
        label={insights.failureCount > 0 ? 'The assistant is still learning about this track…' : 'Reading what the numbers mean…'}
      />
    );
  } else if (insights.error) {
    body = toProblem(insights.error).isNotFound ? (
      <Alert tone="info">
        The assistant has not learnt about this track yet: its facts follow the analysis within a minute or so.
        Reload the page in a moment.
      </Alert>
    ) : (
      <ProblemAlert error={insights.error} />
    );
  } else {
    body = <InsightsView insights={insights.data} />;
  }
  return (
    <Card aria-labelledby="insights-heading">
      <h2 id="insights-heading" className="mb-1 text-lg font-semibold">
        Insights
      </h2>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">
        What the analysis means in each store, worked out by rules from your track&apos;s own numbers.
      </p>
      {body}
    </Card>
  );
}
