'use client';

import { useState } from 'react';
import { AppLink } from '@/components/ui/app-link';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { EmptyState, Loading, PageHeader } from '@/components/ui/states';
import { formatDate } from '@/lib/format';
import { safeNext } from '@/lib/safe-next';
import { categoryTitle, useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '@/lib/queries/notifications';

const PAGE_SIZE = 20;

export function Inbox() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(0);
  const list = useNotifications(unreadOnly, page, PAGE_SIZE);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const choose = (only: boolean) => {
    setUnreadOnly(only);
    setPage(0);
  };

  return (
    <>
      <PageHeader
        title="Notifications"
        description="What happened to your tracks, releases and money. New ones arrive here as they happen."
        actions={
          <>
            <AppLink
              href="/notifications/preferences"
              className="inline-flex items-center rounded-md border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Preferences
            </AppLink>
            <Button onClick={() => markAll.mutate()} busy={markAll.isPending} disabled={(unread.data ?? 0) === 0}>
              Mark all as read
            </Button>
          </>
        }
      />
      <div className="flex flex-col gap-4">
        <div role="group" aria-label="Show" className="inline-flex w-fit rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
          {[
            { only: false, label: 'All' },
            { only: true, label: `Unread${unread.data ? ` (${unread.data})` : ''}` },
          ].map((option) => (
            <button
              key={option.label}
              type="button"
              aria-pressed={unreadOnly === option.only}
              onClick={() => choose(option.only)}
              className={cn(
                'rounded px-3 py-1.5 text-sm font-medium',
                unreadOnly === option.only
                  ? 'bg-brand-600 text-white'
                  : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800',
              )}
            >
              {option.label}
            </button>
          ))}
        </div>
        <ProblemAlert error={markRead.error ?? markAll.error} />
        {list.isPending ? (
          <Loading label="Loading your notifications…" />
        ) : list.error ? (
          <ProblemAlert error={list.error} />
        ) : (list.data.items ?? []).length === 0 ? (
          <EmptyState title={unreadOnly ? 'Nothing unread' : 'No notifications yet'}>
            {unreadOnly
              ? 'You have read everything. New notifications appear here, and on the bell, as they happen.'
              : 'When a track finishes processing, a store answers, a payout moves or a collaborator invites you, it shows here.'}
          </EmptyState>
        ) : (
          <>
            <ul aria-label="Your notifications" className="flex flex-col divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
              {(list.data.items ?? []).map((notification) => {
                const id = notification.id ?? '';
                const title = notification.title ?? categoryTitle(notification.category);
                return (
                  <li
                    key={id}
                    className={cn('flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between', !notification.read && 'bg-brand-50/60 dark:bg-zinc-900')}
                  >
                    <div className="min-w-0">
                      <p className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
                        {categoryTitle(notification.category)}
                        {notification.read ? null : <span className="ml-2 rounded bg-brand-600 px-1.5 py-0.5 text-white normal-case">Unread</span>}
                      </p>
                      <p className="mt-1 font-medium">
                        {notification.link ? (
                          <AppLink
                            href={safeNext(notification.link, '/notifications')}
                            className="text-brand-700 hover:underline dark:text-brand-100"
                            onClick={() => {
                              if (!notification.read) markRead.mutate(id);
                            }}
                          >
                            {title}
                          </AppLink>
                        ) : (
                          title
                        )}
                      </p>
                      {notification.body ? <p className="mt-0.5 text-sm text-zinc-700 dark:text-zinc-300">{notification.body}</p> : null}
                      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                        <time dateTime={notification.occurredAt}>{formatDate(notification.occurredAt)}</time>
                      </p>
                    </div>
                    {notification.read ? null : (
                      <Button
                        variant="secondary"
                        size="sm"
                        className="shrink-0"
                        aria-label={`Mark “${title}” as read`}
                        busy={markRead.isPending && markRead.variables === id}
                        onClick={() => markRead.mutate(id)}
                      >
                        Mark as read
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
            <Pager page={page} total={list.data.totalItems ?? 0} onPage={setPage} />
          </>
        )}
      </div>
    </>
  );
}

function Pager({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return null;
  return (
    <nav aria-label="Pages of notifications" className="flex items-center justify-between gap-2">
      <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Newer
      </Button>
      <span className="text-sm text-zinc-600 dark:text-zinc-400">
        Page {page + 1} of {pages}
      </span>
      <Button variant="secondary" size="sm" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        Older
      </Button>
    </nav>
  );
}
