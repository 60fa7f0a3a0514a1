import { cn } from '@/components/ui/cn';
import type { TrackStatus } from '@/lib/api/types';

const LOOK: Record<TrackStatus, { text: string; className: string }> = {
  PROCESSING: { text: 'Processing', className: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100' },
  READY: { text: 'Ready', className: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100' },
  FAILED: { text: 'Failed', className: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-100' },
};

export function TrackStatusBadge({ status }: { status: TrackStatus | undefined }) {
  const look = LOOK[status ?? 'PROCESSING'];
  return (
    <span className={cn('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold', look.className)}>
      {look.text}
    </span>
  );
}
