import { formatCount } from './format';

export interface RankedItem {
  key: string;
  label: string;
  value: number;
}

/** A top list with a bar per line, the bar's length relative to the first. */
export function RankedList({ title, items, empty, unit = 'streams' }: { title: string; items: readonly RankedItem[]; empty: string; unit?: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h3 className="font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">{empty}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {items.map((item) => (
            <li key={item.key} className="text-sm">
              <div className="flex justify-between gap-3">
                <span className="truncate">{item.label}</span>
                <span className="tabular-nums">
                  {formatCount(item.value)} <span className="sr-only">{unit}</span>
                </span>
              </div>
              <div aria-hidden="true" className="mt-1 h-1.5 rounded-full bg-zinc-100 dark:bg-zinc-800">
                <div className="h-full rounded-full bg-brand-600" style={{ width: `${(item.value / max) * 100}%` }} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
