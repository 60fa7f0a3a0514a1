'use client';

import type { Fact } from '@/lib/queries/ai';

const STORE_NAMES: Record<string, string> = {
  spotify: 'Spotify',
  apple_music: 'Apple Music',
  youtube: 'YouTube',
  tidal: 'Tidal',
  amazon_music: 'Amazon Music',
  deezer: 'Deezer',
};

/**
 * A cited id the fact sheet does not list: the figures the rules derive from a track's analysis (each
 * store's gain and the true peak after it) are cited but not facts of their own. They read as what they are.
 */
export function describeDerived(id: string): string {
  const derived = /^track:[^:]+:store:([a-z_]+):(gain_db|true_peak_after_dbtp)$/.exec(id);
  if (derived) {
    const code = derived[1] ?? '';
    const store = STORE_NAMES[code] ?? code;
    return derived[2] === 'gain_db' ? `${store}'s normalisation gain` : `True peak after ${store}'s gain`;
  }
  return id;
}

/** The facts a point or an answer rests on, each as a chip reading "label: value". */
export function CitedFacts({
  ids,
  index,
  label = 'Facts cited',
}: {
  ids: readonly string[];
  index: ReadonlyMap<string, Fact>;
  label?: string;
}) {
  if (ids.length === 0) return null;
  return (
    <div className="mt-2">
      <p className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{label}</p>
      <ul aria-label={label} className="flex flex-wrap gap-1.5">
        {ids.map((id) => {
          const fact = index.get(id);
          return (
            <li
              key={id}
              title={id}
              className="rounded-full border border-zinc-300 bg-zinc-50 px-2.5 py-0.5 text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-100"
            >
              {fact ? (
                <>
                  <span className="text-zinc-600 dark:text-zinc-300">{fact.label}:</span>{' '}
                  <span className="font-medium tabular-nums">{fact.value}</span>
                </>
              ) : (
                <span className="text-zinc-600 dark:text-zinc-300">{describeDerived(id)}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Facts shown whole (the content endpoint returns them, not ids). */
export function FactChips({ facts, label = 'Facts used' }: { facts: readonly Fact[]; label?: string }) {
  const known = facts.filter((f): f is Fact & { id: string } => typeof f.id === 'string');
  const index = new Map(known.map((f) => [f.id, f]));
  return <CitedFacts ids={known.map((f) => f.id)} index={index} label={label} />;
}
