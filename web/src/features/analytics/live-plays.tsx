'use client';

import { useEffect, useState } from 'react';
import { refreshSession } from '@/lib/api/client';
import { formatDate } from '@/lib/format';

export interface LivePlay {
  ownerId?: string;
  trackId: string;
  playedAt: string;
}

const KEPT = 10;

/**
 * Plays on the artist's page as they happen, from the analytics service's server-sent events. The browser
 * reconnects by itself after a break; an expired access cookie closes the stream, which is opened again
 * once the session is renewed.
 */
export function useLivePlays(): { plays: LivePlay[]; count: number; connected: boolean } {
  const [plays, setPlays] = useState<LivePlay[]>([]);
  const [count, setCount] = useState(0);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    let source: EventSource | null = null;
    let stopped = false;
    let renewals = 0;
    const open = () => {
      source = new EventSource('/api/v1/analytics/live', { withCredentials: true });
      source.onopen = () => {
        renewals = 0;
        setConnected(true);
      };
      source.addEventListener('play', (event) => {
        try {
          const play = JSON.parse((event as MessageEvent<string>).data) as LivePlay;
          setPlays((before) => [play, ...before].slice(0, KEPT));
          setCount((n) => n + 1);
        } catch {
          // A line that is not a play is not shown.
        }
      });
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED && !stopped && renewals < 2) {
          renewals += 1;
          void refreshSession().then((renewed) => {
            if (renewed && !stopped) open();
          });
        }
      };
    };
    open();
    return () => {
      stopped = true;
      source?.close();
    };
  }, []);

  return { plays, count, connected };
}

export function LivePlays({ titles }: { titles: ReadonlyMap<string, string> }) {
  const { plays, count, connected } = useLivePlays();
  return (
    <section aria-labelledby="live-heading" className="flex flex-col gap-2">
      <h3 id="live-heading" className="flex items-center gap-2 font-semibold">
        <span
          aria-hidden="true"
          className={`inline-block size-2 rounded-full ${connected ? 'animate-pulse bg-emerald-500' : 'bg-zinc-400'}`}
        />
        Live on your page
      </h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        {connected ? `${count.toLocaleString('en')} play${count === 1 ? '' : 's'} since you opened this page.` : 'Connecting…'}
      </p>
      {plays.length > 0 ? (
        <ul aria-label="Latest plays" aria-live="polite" className="flex flex-col gap-1 text-sm">
          {plays.map((play, index) => (
            <li key={`${play.playedAt}-${play.trackId}-${index}`}>
              {titles.get(play.trackId) ?? 'A track'} · <time dateTime={play.playedAt}>{formatDate(play.playedAt)}</time>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
