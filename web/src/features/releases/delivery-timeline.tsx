import { formatDate } from '@/lib/format';
import type { PlatformDeliveries } from '@/lib/queries/releases';
import { deliveryLabel } from './labels';
import { DeliveryBadge } from './status-badge';

const KIND_LABELS: Record<string, string> = {
  NEW: 'First delivery',
  UPDATE: 'Metadata update',
  TAKEDOWN: 'Takedown',
};

/** One store's timeline, oldest first, with the store's own words when it refused. */
export function DeliveryTimeline({ delivery, storeName }: { delivery: PlatformDeliveries; storeName: string }) {
  const timeline = delivery.timeline ?? [];
  const headingId = `timeline-${delivery.platform}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-semibold">
        {storeName}
        <DeliveryBadge status={delivery.status} />
      </h3>
      {timeline.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">Nothing sent to this store yet.</p>
      ) : (
        <ol aria-label={`Delivery timeline of ${storeName}`} className="mt-3 flex flex-col gap-3 border-l-2 border-zinc-200 pl-4 dark:border-zinc-700">
          {timeline.map((entry, index) => (
            <li key={`${entry.sequence ?? 0}-${entry.status}-${index}`} className="text-sm">
              <p className="font-medium">{deliveryLabel(entry.status)}</p>
              <p className="text-zinc-600 dark:text-zinc-300">
                {KIND_LABELS[entry.kind ?? ''] ?? entry.kind}
                {entry.sequence ? ` · message ${entry.sequence}` : ''} · <time dateTime={entry.at}>{formatDate(entry.at)}</time>
              </p>
              {entry.reasons && entry.reasons.length > 0 ? (
                <ul aria-label={`What ${storeName} said`} className="mt-1 list-disc pl-5 text-red-800 dark:text-red-300">
                  {entry.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
