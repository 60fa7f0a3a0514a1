'use client';

import Link from 'next/link';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Loading } from '@/components/ui/states';
import { formatDate } from '@/lib/format';
import { useAlerts, type AnalyticsAlert } from '@/lib/queries/analytics';
import { countryName, formatCount, formatDay } from './format';

interface Concentration {
  dimension?: string;
  concentratedIn?: string;
  share?: number;
  usualShare?: number;
}

function concentrationOf(detail: string | undefined): Concentration {
  try {
    return (detail ? JSON.parse(detail) : {}) as Concentration;
  } catch {
    return {};
  }
}

function percent(share: number | undefined): string {
  return share === undefined ? '?' : `${Math.round(share * 100)}%`;
}

/** What an alert says, in a sentence the artist can act on. */
export function describeAlert(alert: AnalyticsAlert): { heading: string; text: string } {
  const title = alert.title ?? 'A track';
  const metric = alert.metric === 'plays' ? 'plays on your page' : 'streams';
  const when = alert.granularity?.toUpperCase() === 'MONTH' ? `in ${formatDay(alert.periodStart?.slice(0, 7))}` : `on ${formatDay(alert.periodStart)}`;
  const usual = alert.baseline === undefined || alert.baseline === null ? '' : `, against a usual ${formatCount(Math.round(alert.baseline))}`;
  if (alert.kind === 'MILESTONE') {
    return { heading: 'Milestone', text: `${title} passed ${formatCount(alert.value)} ${metric}.` };
  }
  if (alert.kind === 'SUSPICIOUS') {
    const c = concentrationOf(alert.detail);
    const where = c.dimension === 'country' ? countryName(c.concentratedIn) : c.concentratedIn ?? 'one place';
    return {
      heading: 'Suspicious activity',
      text:
        `${title} had ${formatCount(alert.value)} ${metric} ${when}${usual}, ${percent(c.share)} of them from ${where} ` +
        `(usually ${percent(c.usualShare)}) with no growth in listeners. Stores treat this pattern as artificial ` +
        'streaming: check where the promotion came from before the store asks.',
    };
  }
  return { heading: 'Spike', text: `${title} had ${formatCount(alert.value)} ${metric} ${when}${usual}.` };
}

const TONE: Record<string, string> = {
  MILESTONE: 'border-emerald-300 dark:border-emerald-800',
  SPIKE: 'border-sky-300 dark:border-sky-800',
  SUSPICIOUS: 'border-amber-400 dark:border-amber-700',
};

export function AlertsList() {
  const alerts = useAlerts(0, 20);
  if (alerts.isPending) return <Loading label="Loading your alerts…" />;
  if (alerts.error) return <ProblemAlert error={alerts.error} />;
  const items = alerts.data.items ?? [];
  if (items.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        No alerts yet. Milestones (1,000 streams and each power of ten), spikes and suspicious activity show here as
        the reports come in.
      </p>
    );
  }
  return (
    <ul aria-label="Alerts" className="flex flex-col gap-3">
      {items.map((alert) => {
        const { heading, text } = describeAlert(alert);
        return (
          <li key={alert.id} className={`rounded-md border-l-4 bg-zinc-50 px-3 py-2 text-sm dark:bg-zinc-950 ${TONE[alert.kind ?? ''] ?? ''}`}>
            <p className="font-semibold">{heading}</p>
            <p>{text}</p>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">
              <time dateTime={alert.createdAt}>{formatDate(alert.createdAt)}</time>
              {alert.trackId ? (
                <>
                  {' · '}
                  <Link href={`/tracks/${alert.trackId}`} className="text-brand-700 underline dark:text-brand-100">
                    Open {alert.title ?? 'the track'}
                  </Link>
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
