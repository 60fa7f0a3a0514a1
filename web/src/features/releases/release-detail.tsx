'use client';

import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, Loading, PageHeader } from '@/components/ui/states';
import { toProblem } from '@/lib/api/problem';
import { formatDate } from '@/lib/format';
import {
  isFinal,
  usePlatforms,
  useDeliveries,
  useRelease,
  useReleaseAction,
  type Release,
} from '@/lib/queries/releases';
import { formatDay } from './dates';
import { DeliveryTimeline } from './delivery-timeline';
import { ErnViewer } from './ern-viewer';
import { releaseStatusLabel } from './labels';
import { ReadinessChecklist } from './readiness-checklist';

function territoriesOf(release: Release): string {
  const list = release.territories ?? [];
  return list.length === 0 || list.includes('Worldwide') ? 'Worldwide' : list.join(', ');
}

/**
 * A refusal that names a field (409 release.immutable_field) is said about that field in words the artist
 * knows; the platform's detail already says what it was and what it is now.
 */
function ActionProblem({ error }: { error: unknown }) {
  if (!error) return null;
  const problem = toProblem(error);
  if (problem.code === 'release.immutable_field') {
    return (
      <Alert tone="error" title="The stores do not allow this change">
        <p>{problem.detail}</p>
        <p className="mt-1">Put the value back on the album or track page, then send the update again.</p>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}

export function ReleaseDetail({ id }: { id: string }) {
  const release = useRelease(id);
  const platforms = usePlatforms();
  const submitted = release.data !== undefined && release.data.status !== 'DRAFT';
  const deliveries = useDeliveries(id, submitted);
  const submit = useReleaseAction(id, 'submit');
  const update = useReleaseAction(id, 'update');
  const takedown = useReleaseAction(id, 'takedown');

  if (release.isPending) return <Loading label="Loading the release…" />;
  if (release.error) {
    return (
      <div className="flex flex-col gap-4">
        <ProblemAlert error={release.error} />
        <Link href="/releases" className="font-medium text-brand-700 hover:underline dark:text-brand-100">
          Back to your releases
        </Link>
      </div>
    );
  }
  const r = release.data;
  const names = new Map((platforms.data?.items ?? []).map((p) => [p.name ?? '', p.displayName ?? p.name ?? '']));
  for (const store of r.readiness?.platforms ?? []) {
    if (store.platform && store.displayName) names.set(store.platform, store.displayName);
  }
  const storeName = (name: string | undefined) => names.get(name ?? '') ?? name ?? 'Store';
  const report = r.readiness;
  const items = deliveries.data?.items ?? [];
  const polling = items.some((item) => !isFinal(item.status));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/releases" className="text-brand-700 hover:underline dark:text-brand-100">
          Releases
        </Link>
      </nav>
      <PageHeader
        title={r.title ?? 'Release'}
        description={
          <>
            {releaseStatusLabel(r.status)} · release date {formatDay(r.releaseDate)} · {territoriesOf(r)} ·{' '}
            {(r.platforms ?? []).map(storeName).join(', ')}
          </>
        }
        actions={
          r.status === 'SUBMITTED' ? (
            <ConfirmDialog
              trigger="Take down"
              title="Take this release down from every store?"
              description="Each store gets a takedown message that ends the release's deals; it disappears from the store. The release cannot be sent again afterwards: a new release starts over."
              confirm="Yes, take it down"
              busy={takedown.isPending}
              error={takedown.error}
              onConfirm={() => takedown.mutate()}
            />
          ) : null
        }
      />
      <div className="flex flex-col gap-6">
        {r.albumId ? (
          <p className="text-sm">
            From the album{' '}
            <Link href={`/albums/${r.albumId}`} className="font-medium text-brand-700 underline dark:text-brand-100">
              {r.title}
            </Link>
            {r.submittedAt ? <> · submitted {formatDate(r.submittedAt)}</> : null}
          </p>
        ) : null}

        {r.status === 'DRAFT' && report ? (
          <Card aria-labelledby="readiness-heading">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <h2 id="readiness-heading" className="text-lg font-semibold">
                {report.ready ? 'Ready for every store' : 'Before you submit'}
              </h2>
              <Button variant="secondary" size="sm" busy={release.isFetching} onClick={() => void release.refetch()}>
                Check again
              </Button>
            </div>
            <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-300">
              {report.ready
                ? 'Every rule of every chosen store passes. Submitting freezes the release as it is now and delivers it.'
                : 'Each store checks its own rules. Fix what is listed on the linked page, then check again.'}
            </p>
            <ReadinessChecklist stores={report.platforms ?? []} albumId={r.albumId} />
            <div className="mt-4 flex flex-col gap-3">
              <div>
                <Button busy={submit.isPending} disabled={!report.ready} onClick={() => submit.mutate()}>
                  Submit to the stores
                </Button>
              </div>
              <ProblemAlert error={submit.error} />
            </div>
          </Card>
        ) : null}

        {submitted ? (
          <Card aria-labelledby="deliveries-heading">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <h2 id="deliveries-heading" className="text-lg font-semibold">
                Deliveries
              </h2>
              {polling ? (
                <p className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-300">
                  <span aria-hidden="true" className="inline-block size-2 animate-pulse rounded-full bg-sky-500" />
                  Following the stores&apos; answers
                </p>
              ) : null}
            </div>
            {deliveries.isPending ? <Loading label="Loading the deliveries…" /> : null}
            <ProblemAlert error={deliveries.error} />
            <div aria-live="polite" className="grid gap-4 lg:grid-cols-2">
              {items.map((delivery) => (
                <div key={delivery.platform}>
                  <DeliveryTimeline delivery={delivery} storeName={storeName(delivery.platform)} />
                  <ErnViewer releaseId={id} platform={delivery.platform ?? ''} storeName={storeName(delivery.platform)} />
                </div>
              ))}
            </div>
          </Card>
        ) : null}

        {r.status === 'SUBMITTED' ? (
          <Card aria-labelledby="update-heading">
            <h2 id="update-heading" className="text-lg font-semibold">
              Changed the metadata?
            </h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
              Titles, genre, credits and the like can change after delivery: each store gets a new message that
              replaces the earlier one. The UPC, the ISRCs and the running order cannot.
            </p>
            <div className="mt-3 flex flex-col gap-3">
              <div>
                <Button variant="secondary" busy={update.isPending} onClick={() => update.mutate()}>
                  Send the updated metadata
                </Button>
              </div>
              {update.isSuccess ? <Alert tone="success">The update is on its way to every store.</Alert> : null}
              <ActionProblem error={update.error} />
            </div>
          </Card>
        ) : null}
        {r.status === 'TAKEN_DOWN' ? (
          <Alert tone="info" title="Taken down">
            Every store was sent a takedown. Its answer is on the timeline above.
          </Alert>
        ) : null}
      </div>
    </>
  );
}
