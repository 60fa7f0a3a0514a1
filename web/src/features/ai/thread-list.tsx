'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { fieldErrorsOf, isProblem, ProblemAlert } from '@/components/ui/problem-alert';
import { Card, EmptyState, Loading } from '@/components/ui/states';
import { toProblem } from '@/lib/api/problem';
import { formatDate } from '@/lib/format';
import { useCreateThread, useThreadList } from '@/lib/queries/ai';

const PAGE_SIZE = 50;

export function ThreadList() {
  const router = useRouter();
  const [title, setTitle] = useState('');
  const threads = useThreadList(0, PAGE_SIZE);
  const create = useCreateThread();
  const notConfigured = isProblem(create.error, 'ai.provider_not_configured');

  return (
    <div className="flex flex-col gap-4">
      <Card aria-labelledby="new-thread-heading">
        <h2 id="new-thread-heading" className="mb-1 text-lg font-semibold">
          Ask about your own data
        </h2>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-300">
          Answers rest on your facts only; a number that is not among them is never stated.
        </p>
        {notConfigured ? (
          <Alert tone="warning" title="Conversations need an AI model">
            {toProblem(create.error).detail}
          </Alert>
        ) : (
          <form
            aria-label="Start a conversation"
            noValidate
            className="flex flex-col gap-3 sm:flex-row sm:items-end"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate(title, {
                onSuccess: (thread) => router.push(`/ai/threads/${thread.id}`),
              });
            }}
          >
            <TextField
              label="Title"
              className="grow"
              value={title}
              maxLength={120}
              placeholder="New conversation"
              onChange={(e) => setTitle(e.target.value)}
              error={fieldErrorsOf(create.error)('title')}
            />
            <Button type="submit" busy={create.isPending}>
              Start a conversation
            </Button>
          </form>
        )}
        {create.error && !notConfigured ? <ProblemAlert className="mt-3" error={create.error} fields={['title']} /> : null}
      </Card>
      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading" className="mb-2 text-lg font-semibold">
          Your conversations
        </h2>
        {threads.isPending ? (
          <Loading label="Loading your conversations…" />
        ) : threads.error ? (
          <ProblemAlert error={threads.error} />
        ) : (threads.data.items ?? []).length === 0 ? (
          <EmptyState title="No conversations yet">Start one above and ask what your numbers say.</EmptyState>
        ) : (
          <ul className="flex flex-col divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
            {(threads.data.items ?? []).map((thread) => (
              <li key={thread.id}>
                <Link
                  href={`/ai/threads/${thread.id}`}
                  className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800"
                >
                  <span className="font-medium text-brand-700 dark:text-brand-100">{thread.title}</span>
                  <span className="text-sm text-zinc-600 dark:text-zinc-300">{formatDate(thread.updatedAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
