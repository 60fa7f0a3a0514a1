'use client';

import 'uplot/dist/uPlot.min.css';
import { useEffect, useId, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { formatDay } from './format';

export interface ChartSeries {
  label: string;
  values: number[];
}

/** Line colours that read on both themes' backgrounds (WCAG non-text contrast ≥ 3:1 on white and zinc-900). */
const COLOURS = ['#e11d48', '#0284c7', '#059669', '#d97706', '#7c3aed', '#db2777'];

/** Module-level, so that the chart's effect does not see a new function on every render. */
const formatPlain = (value: number) => value.toLocaleString('en');

function epochSeconds(iso: string): number {
  return Date.parse(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`) / 1000;
}

/**
 * A line chart over time, drawn by uPlot (about 50 kB, loaded when the chart first mounts, so only the
 * analytics pages pay for it). A chart is no use to a screen reader: the same numbers are in a table under it.
 */
export function TimeChart({
  title,
  periods,
  series,
  format = formatPlain,
}: {
  title: string;
  periods: readonly string[];
  series: readonly ChartSeries[];
  /** Stable (module-level or memoised): a new function draws the chart again. */
  format?: (value: number) => string;
}) {
  const target = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const captionId = useId();

  useEffect(() => {
    const element = target.current;
    if (!element) return;
    let plot: uPlot | null = null;
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    let themeWatcher: MutationObserver | null = null;

    const draw = async () => {
      const { default: UPlot } = await import('uplot');
      if (cancelled) return;
      plot?.destroy();
      const text = getComputedStyle(element).color;
      const grid = document.documentElement.classList.contains('dark') ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.08)';
      const data: uPlot.AlignedData = [periods.map(epochSeconds), ...series.map((s) => s.values)];
      plot = new UPlot(
        {
          width: Math.max(element.clientWidth, 240),
          height: 260,
          scales: { x: { time: true } },
          legend: { show: series.length > 1 },
          axes: [
            { stroke: text, grid: { stroke: grid }, ticks: { stroke: grid } },
            { stroke: text, grid: { stroke: grid }, ticks: { stroke: grid }, size: 64, values: (_u, ticks) => ticks.map(format) },
          ],
          series: [
            { value: (_u, v) => (v === null ? '–' : formatDay(new Date(v * 1000).toISOString().slice(0, 10))) },
            ...series.map((s, i) => ({
              label: s.label,
              stroke: COLOURS[i % COLOURS.length],
              width: 2,
              points: { show: periods.length <= 60 },
              value: (_u: uPlot, v: number | null) => (v === null ? '–' : format(v)),
            })),
          ],
        },
        data,
        element,
      );
      setReady(true);
    };
    void draw();
    observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(element.clientWidth, 240), height: 260 }));
    observer.observe(element);
    // The axes' colours follow the theme: the chart is drawn again when it changes.
    themeWatcher = new MutationObserver(() => void draw());
    themeWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => {
      cancelled = true;
      observer?.disconnect();
      themeWatcher?.disconnect();
      plot?.destroy();
      setReady(false);
    };
  }, [periods, series, format]);

  return (
    <figure aria-labelledby={captionId} data-ready={ready} className="flex flex-col gap-2">
      <figcaption id={captionId} className="font-medium">
        {title}
      </figcaption>
      <div ref={target} aria-hidden="true" className="min-h-[260px] w-full text-zinc-700 dark:text-zinc-300" />
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">The numbers</summary>
        {/* Focusable, so that a keyboard can scroll a long table. */}
        <div tabIndex={0} role="region" aria-label={`${title}: the numbers`} className="mt-2 max-h-72 overflow-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1 font-medium">Period</th>
                {series.map((s) => (
                  <th key={s.label} scope="col" className="px-2 py-1 text-right font-medium">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {periods.map((period, row) => (
                <tr key={period} className="border-t border-zinc-200 dark:border-zinc-800">
                  <th scope="row" className="px-2 py-1 font-normal">
                    {formatDay(period)}
                  </th>
                  {series.map((s) => (
                    <td key={s.label} className="px-2 py-1 text-right tabular-nums">
                      {format(s.values[row] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
