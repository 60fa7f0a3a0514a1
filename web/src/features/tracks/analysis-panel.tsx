'use client';

import { cn } from '@/components/ui/cn';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, Loading } from '@/components/ui/states';
import type { Track, TrackAnalysis } from '@/lib/api/types';
import { formatDuration, formatNumber } from '@/lib/format';
import { useAnalysis } from '@/lib/queries/tracks';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

function signed(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return `${value > 0 ? '+' : ''}${formatNumber(value, 1)} ${unit}`;
}

export function Measurements({ analysis }: { analysis: TrackAnalysis }) {
  const { loudness, technical, tempo, key } = analysis;
  return (
    <Card aria-labelledby="measurements-heading">
      <h2 id="measurements-heading" className="mb-3 text-lg font-semibold">
        Analysis
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
        <Figure label="Integrated loudness" value={formatNumber(loudness?.integratedLufs, 1, 'LUFS')} />
        <Figure label="True peak" value={formatNumber(loudness?.truePeakDbtp, 1, 'dBTP')} />
        <Figure label="Loudness range" value={formatNumber(loudness?.loudnessRangeLu, 1, 'LU')} />
        <Figure label="Short-term max" value={formatNumber(loudness?.shortTermMaxLufs, 1, 'LUFS')} />
        <Figure label="Tempo" value={tempo?.bpm ? formatNumber(tempo.bpm, 1, 'BPM') : '–'} />
        <Figure label="Key" value={key?.name ? `${key.name}${key.camelot ? ` (${key.camelot})` : ''}` : '–'} />
        <Figure label="Duration" value={formatDuration(technical?.durationSeconds)} />
        <Figure
          label="Format"
          value={
            technical
              ? [
                  technical.codec?.toUpperCase(),
                  technical.sampleRateHz ? `${formatNumber(technical.sampleRateHz / 1000, 1)} kHz` : null,
                  technical.bitDepth ? `${technical.bitDepth}-bit` : null,
                  technical.channelLayout,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : '–'
          }
        />
      </dl>
    </Card>
  );
}

export function Problems({ analysis }: { analysis: TrackAnalysis }) {
  const problems = analysis.problems;
  const flags = problems?.flags ?? [];
  const clipping = problems?.clipping;
  const silence = problems?.silence;
  const phase = problems?.phase;
  return (
    <Card aria-labelledby="problems-heading">
      <h2 id="problems-heading" className="mb-3 text-lg font-semibold">
        Problems
      </h2>
      {flags.length === 0 ? (
        <p className="text-emerald-800 dark:text-emerald-300">No problems found.</p>
      ) : (
        <ul className="mb-3 flex flex-col gap-1">
          {flags.map((flag) => (
            <li key={flag.code} className="rounded-md bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
              {flag.message}
            </li>
          ))}
        </ul>
      )}
      <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Figure label="Clipped samples" value={String(clipping?.clippedSamples ?? '–')} />
        <Figure label="Leading silence" value={formatNumber(silence?.leadingSeconds, 1, 's')} />
        <Figure label="Trailing silence" value={formatNumber(silence?.trailingSeconds, 1, 's')} />
        <Figure label="Phase correlation" value={formatNumber(phase?.correlation, 2)} />
      </dl>
    </Card>
  );
}

export function StoreLoudness({ analysis }: { analysis: TrackAnalysis }) {
  const platforms = analysis.platforms ?? [];
  return (
    <Card aria-labelledby="stores-heading">
      <h2 id="stores-heading" className="mb-3 text-lg font-semibold">
        Loudness in the stores
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">How each store will play this track</caption>
          <thead className="text-zinc-600 dark:text-zinc-300">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">Store</th>
              <th scope="col" className="py-1 pr-4 font-medium">Target</th>
              <th scope="col" className="py-1 pr-4 font-medium">Gain</th>
              <th scope="col" className="py-1 font-medium">What happens</th>
            </tr>
          </thead>
          <tbody>
            {platforms.map((p) => (
              <tr key={p.platform} className="border-t border-zinc-200 dark:border-zinc-800">
                <th scope="row" className="py-1.5 pr-4 font-medium">{p.name}</th>
                <td className="py-1.5 pr-4 tabular-nums">{formatNumber(p.targetLufs, 0, 'LUFS')}</td>
                <td className="py-1.5 pr-4 tabular-nums">{signed(p.gainDb, 'dB')}</td>
                <td className="py-1.5">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

export function Readiness({ analysis }: { analysis: TrackAnalysis }) {
  const distribution = analysis.distribution;
  const checks = distribution?.checks ?? [];
  return (
    <Card aria-labelledby="readiness-heading">
      <h2 id="readiness-heading" className="mb-1 text-lg font-semibold">
        Ready for distribution
      </h2>
      <p className={cn('mb-3 font-medium', distribution?.ready ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-700 dark:text-red-400')}>
        {distribution?.ready ? 'This recording meets what the stores require.' : 'This recording does not yet meet what the stores require.'}
      </p>
      <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
        {checks.map((check) => (
          <li key={check.code} className="flex items-start gap-3 py-2">
            <span
              aria-hidden="true"
              className={cn('mt-0.5 font-bold', check.passed ? 'text-emerald-700 dark:text-emerald-400' : check.required ? 'text-red-700 dark:text-red-400' : 'text-amber-700 dark:text-amber-400')}
            >
              {check.passed ? '✓' : check.required ? '✗' : '!'}
            </span>
            <div>
              <p className="font-medium">
                {check.requirement}
                <span className="sr-only">{check.passed ? ': passed' : check.required ? ': failed' : ': advised'}</span>
                {!check.required ? <span className="ml-2 text-xs font-normal text-zinc-600 dark:text-zinc-400">(advised)</span> : null}
              </p>
              <p className="text-sm text-zinc-600 dark:text-zinc-300">{check.message}</p>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function AnalysisPanel({ track }: { track: Track }) {
  const analysis = useAnalysis(track);
  if (track.status === 'PROCESSING') {
    return <Loading label="The track is being analysed. This page updates when it is done." />;
  }
  if (track.status !== 'READY') return null;
  if (analysis.isPending) return <Loading label="Loading the analysis…" />;
  if (analysis.error) return <ProblemAlert error={analysis.error} />;
  return (
    <div className="flex flex-col gap-4">
      <Measurements analysis={analysis.data} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Readiness analysis={analysis.data} />
        <Problems analysis={analysis.data} />
      </div>
      <StoreLoudness analysis={analysis.data} />
    </div>
  );
}
