'use client';

import { type ThemeChoice, useTheme } from '@/lib/theme/theme-store';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const NAME: Record<ThemeChoice, string> = { light: 'light', dark: 'dark', system: 'as the system' };

/**
 * One button that steps through light, dark and the system's choice. A plain button rather than a menu:
 * the signed-in frame is on every page, and a popover library would weigh on every first load.
 */
export function ThemeMenu() {
  const choice = useTheme((s) => s.choice);
  const choose = useTheme((s) => s.choose);
  const next = NEXT[choice];
  return (
    <button
      type="button"
      onClick={() => choose(next)}
      aria-label={`Theme: ${NAME[choice]}. Switch to ${NAME[next]}`}
      title={`Theme: ${NAME[choice]}`}
      className="rounded-md p-2 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
        {choice === 'light' ? (
          <>
            <circle cx="12" cy="12" r="4" />
            <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
          </>
        ) : choice === 'dark' ? (
          <path d="M12 3a9 9 0 1 0 9 9 7 7 0 0 1-9-9Z" />
        ) : (
          <>
            <rect x="3" y="4" width="18" height="12" rx="2" />
            <path d="M8 20h8M12 16v4" />
          </>
        )}
      </svg>
    </button>
  );
}
