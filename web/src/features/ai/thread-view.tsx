'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { TextAreaField } from '@/components/ui/field';
import { isProblem, ProblemAlert } from '@/components/ui/problem-alert';
import { Loading } from '@/components/ui/states';
import { ApiProblem, toProblem } from '@/lib/api/problem';
import { formatDate } from '@/lib/format';
import { aiKeys, askStreamed, factIndex, type ThreadMessage, useFacts, useThread } from '@/lib/queries/ai';
import { CitedFacts } from './cited-facts';
import { readServerSentEvents } from './sse';

interface Streaming {
  question: string;
  text: string;
  /** The numbers that sent the answer back once to be written again. */
  retried: string[] | null;
}

/**
 * Streams one answer: `delta` pieces build the text as it is written, `retry` starts it again (the grounding
 * check sent it back), `done` is the checked answer as stored, which counts over the pieces, `error` a problem.
 */
export async function streamAnswer(
  body: ReadableStream<Uint8Array>,
  on: { delta: (text: string) => void; retry: (numbers: string[]) => void },
): Promise<ThreadMessage> {
  let answer: ThreadMessage | null = null;
  let failure: ApiProblem | null = null;
  await readServerSentEvents(body, ({ event, data }) => {
    const payload = JSON.parse(data) as Record<string, unknown>;
    if (event === 'delta') on.delta(String(payload.text ?? ''));
    else if (event === 'retry') on.retry(Array.isArray(payload.unknownNumbers) ? payload.unknownNumbers.map(String) : []);
    else if (event === 'done') answer = payload as unknown as ThreadMessage;
    else if (event === 'error') failure = new ApiProblem(Number(payload.status) || 500, payload);
  });
  if (failure) throw failure;
  if (!answer) throw new ApiProblem(0, { code: 'ai.stream_ended' }, 'The answer stopped before it was complete. Ask again.');
  return answer;
}

function Bubble({ role, children, busy }: { role: string; children: React.ReactNode; busy?: boolean }) {
  const mine = role === 'user';
  return (
    <li className={cn('flex', mine ? 'justify-end' : 'justify-start')} aria-busy={busy || undefined}>
      <div
        className={cn(
          'max-w-[90%] rounded-lg px-4 py-3 sm:max-w-[75%]',
          mine ? 'bg-brand-600 text-white' : 'border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
        )}
      >
        <p className="sr-only">{mine ? 'You asked:' : 'The assistant answered:'}</p>
        {children}
      </div>
    </li>
  );
}

export function ThreadView({ id }: { id: string }) {
  const client = useQueryClient();
  const thread = useThread(id);
  const facts = useFacts();
  const index = factIndex(facts.data);
  const [question, setQuestion] = useState('');
  const [streaming, setStreaming] = useState<Streaming | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  async function ask(e: React.FormEvent) {
    e.preventDefault();
    const content = question.trim();
    if (!content) {
      setError(new ApiProblem(400, { errors: [{ field: 'content', message: 'Write a question first.' }] }, 'Write a question first.'));
      return;
    }
    setError(null);
    setStreaming({ question: content, text: '', retried: null });
    const controller = new AbortController();
    abort.current = controller;
    try {
      const body = await askStreamed(id, content, controller.signal);
      await streamAnswer(body, {
        delta: (text) => setStreaming((s) => (s ? { ...s, text: s.text + text } : s)),
        retry: (numbers) => setStreaming((s) => (s ? { ...s, text: '', retried: numbers } : s)),
      });
      // The stored thread counts: it holds the question and the checked answer as the service kept them.
      await client.invalidateQueries({ queryKey: aiKeys.thread(id) });
      setQuestion('');
      void client.invalidateQueries({ queryKey: aiKeys.threads });
    } catch (failure) {
      if (!controller.signal.aborted) setError(failure);
    } finally {
      if (!controller.signal.aborted) setStreaming(null);
    }
  }

  if (thread.isPending) return <Loading label="Loading the conversation…" />;
  if (thread.error) {
    return (
      <div className="flex flex-col gap-4">
        <ProblemAlert error={thread.error} />
        <Link href="/ai/threads" className="font-medium text-brand-700 hover:underline dark:text-brand-100">
          Back to your conversations
        </Link>
      </div>
    );
  }
  const messages = thread.data.messages ?? [];
  const notConfigured = isProblem(error, 'ai.provider_not_configured');
  const contentError = error instanceof ApiProblem ? error.messageFor('content') : undefined;
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/ai/threads" className="text-brand-700 hover:underline dark:text-brand-100">
          Conversations
        </Link>
      </nav>
      <h2 className="text-xl font-semibold">{thread.data.title}</h2>
      {messages.length === 0 && !streaming ? (
        <p className="text-zinc-600 dark:text-zinc-300">No questions yet. Ask what your numbers say.</p>
      ) : (
        <ol aria-label="Messages" className="flex flex-col gap-3">
          {messages.map((m) => (
            <Bubble key={m.id} role={m.role ?? 'assistant'}>
              <p className="whitespace-pre-line">{m.content}</p>
              {m.role === 'assistant' ? (
                <>
                  {m.ungroundedRemoved ? (
                    <p className="mt-2 text-sm font-medium text-amber-800 dark:text-amber-300">
                      A sentence citing a number not among your facts was removed from this answer.
                    </p>
                  ) : null}
                  <CitedFacts ids={m.factIds ?? []} index={index} />
                  <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{formatDate(m.createdAt)}</p>
                </>
              ) : null}
            </Bubble>
          ))}
          {streaming ? (
            <>
              <Bubble role="user">
                <p className="whitespace-pre-line">{streaming.question}</p>
              </Bubble>
              <Bubble role="assistant" busy>
                {streaming.retried ? (
                  <p className="mb-2 text-sm text-amber-800 dark:text-amber-300">
                    The first answer cited {streaming.retried.length === 1 ? 'a number' : 'numbers'} not among your facts
                    {streaming.retried.length > 0 ? ` (${streaming.retried.join(', ')})` : ''}: it is being written again.
                  </p>
                ) : null}
                <p className="whitespace-pre-line" data-testid="streaming-answer">
                  {streaming.text || <span className="text-zinc-600 dark:text-zinc-300">Writing the answer…</span>}
                </p>
              </Bubble>
            </>
          ) : null}
        </ol>
      )}
      <p role="status" className="sr-only">
        {streaming ? 'The answer is being written.' : ''}
      </p>
      {notConfigured ? (
        <Alert tone="warning" title="Answers need an AI model">
          {toProblem(error).detail}
        </Alert>
      ) : (
        <form aria-label="Ask a question" noValidate onSubmit={(e) => void ask(e)} className="flex flex-col gap-3">
          <TextAreaField
            label="Your question"
            rows={3}
            maxLength={4000}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
            }}
            hint="Ctrl+Enter sends it."
            error={contentError}
          />
          <div>
            <Button type="submit" busy={streaming !== null}>
              Ask
            </Button>
          </div>
          {error && !contentError ? <ProblemAlert error={error} fields={['content']} /> : null}
        </form>
      )}
    </div>
  );
}
