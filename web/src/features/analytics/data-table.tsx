/** A plain table with the house look; numbers right-aligned. */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly { label: string; numeric?: boolean }[];
  rows: readonly { key: string; cells: React.ReactNode[] }[];
}) {
  return (
    // Focusable, so that a keyboard can scroll a wide table sideways on a phone.
    <div tabIndex={0} role="region" aria-label={caption} className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-300">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={`px-4 py-2 font-medium ${c.numeric ? 'text-right' : ''}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-zinc-200 align-top dark:border-zinc-800">
              {row.cells.map((cell, i) => (
                <td key={columns[i]?.label ?? i} className={`px-4 py-2 ${columns[i]?.numeric ? 'text-right tabular-nums' : ''}`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
