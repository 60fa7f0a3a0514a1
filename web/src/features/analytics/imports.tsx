'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Progress as ProgressBar } from 'radix-ui';
import { useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, EmptyState, Loading } from '@/components/ui/states';
import { formatBytes, formatDate } from '@/lib/format';
import { analyticsKeys, useImports, type ReportImport } from '@/lib/queries/analytics';
import { DataTable } from './data-table';
import { formatCount, formatDay, formatMoney } from './format';
import { ImportCancelled, uploadReport } from './report-upload';

type State =
  | { phase: 'idle' }
  | { phase: 'sending'; file: File; loaded: number; total: number }
  | { phase: 'done'; result: ReportImport }
  | { phase: 'failed'; error: unknown }
  | { phase: 'cancelled' };

export function importSummary(report: ReportImport): string {
  const usage = report.usageLines ?? 0;
  const matched = report.matchedLines ?? 0;
  const unmatched = report.unmatchedLines ?? 0;
  return (
    `${formatCount(usage)} usage line${usage === 1 ? '' : 's'}: ${formatCount(matched)} matched to your tracks, ` +
    `${formatCount(unmatched)} unmatched (kept, and credited when a track gets their ISRC).`
  );
}

function ImportForm() {
  const client = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    if (!file) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'sending', file, loaded: 0, total: file.size });
    try {
      const result = await uploadReport(
        file,
        (p) => setState({ phase: 'sending', file, loaded: p.loaded, total: p.total }),
        controller.signal,
      );
      setState({ phase: 'done', result });
      setFile(null);
    } catch (error) {
      setState(error instanceof ImportCancelled ? { phase: 'cancelled' } : { phase: 'failed', error });
    } finally {
      abort.current = null;
      // Refused imports are listed too, so the list is read again either way.
      void client.invalidateQueries({ queryKey: analyticsKeys.all });
    }
  };

  const percent = state.phase === 'sending' && state.total > 0 ? Math.min(100, Math.round((state.loaded / state.total) * 100)) : 0;
  return (
    <Card aria-labelledby="import-heading">
      <h2 id="import-heading" className="mb-1 text-lg font-semibold">
        Import a report
      </h2>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-300">
        A DDEX DSR flat file from a store, or a distributor&apos;s export such as DistroKid&apos;s bank export
        (tab-separated or CSV, plain or gzip, up to 2 GB). Lines are matched to your tracks by ISRC and to your
        releases by UPC.
      </p>
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <label
            htmlFor={inputId}
            className="inline-flex cursor-pointer rounded-md border border-zinc-300 px-4 py-2 font-medium focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-500 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Choose a report
            <input
              id={inputId}
              type="file"
              accept=".tsv,.txt,.csv,.gz,text/tab-separated-values,text/csv,application/gzip"
              className="sr-only"
              disabled={state.phase === 'sending'}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setState({ phase: 'idle' });
                event.target.value = '';
              }}
            />
          </label>
          {file ? (
            <span className="text-sm">
              {file.name} · {formatBytes(file.size)}
            </span>
          ) : null}
        </div>
        {file && state.phase !== 'sending' ? (
          <div>
            <Button onClick={() => void start()}>Import {file.name}</Button>
          </div>
        ) : null}
        {state.phase === 'sending' ? (
          <div className="flex flex-col gap-2">
            <ProgressBar.Root
              value={percent}
              max={100}
              aria-label={`Import of ${state.file.name}`}
              aria-valuetext={`${percent}%`}
              className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
            >
              <ProgressBar.Indicator className="h-full bg-brand-600 transition-[width] duration-200" style={{ width: `${percent}%` }} />
            </ProgressBar.Root>
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                {percent < 100
                  ? `Sending · ${formatBytes(state.loaded)} of ${formatBytes(state.total)} (${percent}%)`
                  : 'Sent, now being imported…'}
              </span>
              <Button variant="secondary" size="sm" onClick={() => abort.current?.abort()}>
                Cancel import
              </Button>
            </div>
          </div>
        ) : null}
        {state.phase === 'done' ? (
          <Alert tone="success" title="Report imported">
            {importSummary(state.result)}
          </Alert>
        ) : null}
        {state.phase === 'cancelled' ? <Alert tone="info">The import was cancelled: nothing of it was kept.</Alert> : null}
        {state.phase === 'failed' ? <ProblemAlert error={state.error} /> : null}
      </div>
    </Card>
  );
}

function ImportList() {
  const [page, setPage] = useState(0);
  const imports = useImports(page, 20);
  if (imports.isPending) return <Loading label="Loading your imports…" />;
  if (imports.error) return <ProblemAlert error={imports.error} />;
  const items = imports.data.items ?? [];
  const total = imports.data.totalItems ?? items.length;
  if (total === 0) {
    return <EmptyState title="No reports imported yet">Reports you import, and those the stores deliver, are listed here with their counts.</EmptyState>;
  }
  const pages = Math.max(1, Math.ceil(total / 20));
  return (
    <section aria-labelledby="imports-heading" className="flex flex-col gap-3">
      <h2 id="imports-heading" className="text-lg font-semibold">
        Imported reports <span className="font-normal text-zinc-600 dark:text-zinc-400">({total})</span>
      </h2>
      <DataTable
        caption="Imported reports with their counts and status"
        columns={[
          { label: 'Report' },
          { label: 'Status' },
          { label: 'Period' },
          { label: 'Lines', numeric: true },
          { label: 'Matched', numeric: true },
          { label: 'Unmatched', numeric: true },
          { label: 'Units', numeric: true },
          { label: 'Revenue', numeric: true },
        ]}
        rows={items.map((report) => ({
          key: report.id ?? '',
          cells: [
            <div key="name">
              <p className="font-medium">{report.fileName ?? 'Report'}</p>
              <p className="text-zinc-600 dark:text-zinc-400">
                {[report.store, report.format, report.source === 'store' ? 'picked up from the store' : null, formatDate(report.createdAt)].filter(Boolean).join(' · ')}
              </p>
            </div>,
            report.status === 'REFUSED' ? (
              <div key="status">
                <p className="font-semibold text-red-700 dark:text-red-400">Refused</p>
                {report.problem ? <p>{report.problemLine ? `Line ${report.problemLine}: ` : ''}{report.problem}</p> : null}
              </div>
            ) : (
              <span key="status">{report.status === 'COMPLETED' ? 'Imported' : report.status}</span>
            ),
            report.periodStart ? `${formatDay(report.periodStart)} – ${formatDay(report.periodEnd)}` : '–',
            formatCount(report.usageLines),
            formatCount(report.matchedLines),
            formatCount(report.unmatchedLines),
            formatCount(report.units),
            (report.revenue ?? []).length === 0 ? '–' : (report.revenue ?? []).map((m) => <div key={m.currency}>{formatMoney(m)}</div>),
          ],
        }))}
      />
      {pages > 1 ? (
        <nav aria-label="Import pages" className="flex items-center gap-3">
          <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            Previous page
          </Button>
          <span className="text-sm">
            Page {page + 1} of {pages}
          </span>
          <Button variant="secondary" size="sm" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
            Next page
          </Button>
        </nav>
      ) : null}
    </section>
  );
}

export function ImportsView() {
  return (
    <div className="flex flex-col gap-6">
      <ImportForm />
      <ImportList />
    </div>
  );
}
