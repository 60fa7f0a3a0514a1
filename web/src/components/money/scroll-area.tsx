/**
 * A wide table's frame: on a phone it scrolls sideways, so it can be focused and scrolled with the keyboard,
 * and is named for screen readers (axe: scrollable-region-focusable).
 */
export function ScrollArea({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-zinc-200 focus-visible:outline-2 focus-visible:outline-brand-600 dark:border-zinc-800"
    >
      {children}
    </div>
  );
}
