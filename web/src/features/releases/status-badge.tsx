import { cn } from '@/components/ui/cn';
import { deliveryLabel, deliveryTone, type StatusTone } from './labels';

const TONES: Record<StatusTone, string> = {
  good: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  bad: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100',
  busy: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100',
  neutral: 'bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100',
};

export function DeliveryBadge({ status, className }: { status: string | null | undefined; className?: string }) {
  return (
    <span className={cn('inline-flex rounded-full px-2 py-0.5 text-xs font-semibold', TONES[deliveryTone(status)], className)}>
      {deliveryLabel(status)}
    </span>
  );
}
