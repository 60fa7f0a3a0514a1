'use client';

import { useCallback, useState } from 'react';
import { AppLink } from '@/components/ui/app-link';
import { cn } from '@/components/ui/cn';
import { useUnreadCount, type Notification } from '@/lib/queries/notifications';
import { useNotificationStream } from './live';

export function unreadLabel(unread: number): string {
  if (unread === 0) return 'Notifications, none unread';
  return `Notifications, ${unread} unread`;
}

/**
 * The bell in the signed-in frame: the unread count, kept current over the live stream without a reload, and
 * the newest notification announced to screen readers as it arrives.
 */
export function NotificationBell() {
  const unread = useUnreadCount();
  const [latest, setLatest] = useState('');
  const announce = useCallback((notification: Notification) => setLatest(`New notification: ${notification.title ?? ''}`), []);
  useNotificationStream(announce);
  const count = unread.data ?? 0;

  return (
    <>
      <AppLink
        href="/notifications"
        aria-label={unreadLabel(count)}
        className="relative inline-flex items-center justify-center rounded-md p-2 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        <span
          aria-hidden="true"
          data-testid="unread-count"
          className={cn(
            'absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white',
            count === 0 && 'hidden',
          )}
        >
          {count > 99 ? '99+' : count}
        </span>
      </AppLink>
      <p role="status" aria-live="polite" className="sr-only">
        {latest}
      </p>
    </>
  );
}
