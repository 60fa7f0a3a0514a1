'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, EmptyState, Loading } from '@/components/ui/states';
import { factIndex, useFacts, useGuidance } from '@/lib/queries/ai';
import { CitedFacts } from './cited-facts';
import { GroundingNote } from './grounding-note';

const WRITE_UP_UNAVAILABLE: Record<string, string> = {
  'ai.provider_not_configured': 'This is the rule-based plan: no AI model is configured to write it up.',
  'ai.budget_exhausted': "Today's AI budget is spent, so the plan is not written up; the rules' plan below stands.",
  'ai.provider_unavailable': 'The AI model did not answer, so the plan is not written up; the rules\u2019 plan below stands.',
};

export function GuidancePlan() {
  const guidance = useGuidance();
  const facts = useFacts();
  const index = factIndex(facts.data);

  if (guidance.isPending) return <Loading label="Working out your plan…" />;
  if (guidance.error) return <ProblemAlert error={guidance.error} />;
  const { points = [], writeUp, writeUpUnavailable } = guidance.data;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-zinc-600 dark:text-zinc-300">
          Your next weeks, from your own catalogue, releases and numbers. Each point shows the facts it rests on.
        </p>
        <Button variant="secondary" size="sm" busy={guidance.isFetching} onClick={() => void guidance.refetch()}>
          Plan again
        </Button>
      </div>
      {writeUpUnavailable ? (
        <Alert tone="info">{WRITE_UP_UNAVAILABLE[writeUpUnavailable] ?? 'The plan is not written up now; the rules\u2019 plan below stands.'}</Alert>
      ) : null}
      {facts.error ? <ProblemAlert error={facts.error} /> : null}
      {writeUp ? (
        <Card aria-labelledby="write-up-heading">
          <h2 id="write-up-heading" className="mb-2 text-lg font-semibold">
            Your plan, written up
          </h2>
          <div className="whitespace-pre-line">{writeUp.text}</div>
          <GroundingNote removed={writeUp.ungroundedRemoved} sentences={writeUp.removedSentences} />
          <CitedFacts ids={writeUp.factIds ?? []} index={index} />
        </Card>
      ) : null}
      {points.length === 0 ? (
        <EmptyState title="No plan yet">
          The plan grows from your tracks, releases and numbers: upload a track or plan a release, and come back.
        </EmptyState>
      ) : (
        <ol aria-label="Your plan" className="flex flex-col gap-3">
          {points.map((point, i) => (
            <li key={`${point.kind}-${i}`}>
              <Card>
                <h2 className="font-semibold">
                  <span className="mr-2 tabular-nums text-zinc-600 dark:text-zinc-400">{i + 1}.</span>
                  {point.title}
                </h2>
                <p className="mt-1 text-zinc-700 dark:text-zinc-200">{point.detail}</p>
                <CitedFacts ids={point.factIds ?? []} index={index} />
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
