'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { AppLink } from '@/components/ui/app-link';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, Loading, PageHeader } from '@/components/ui/states';
import {
  CATEGORY_TITLES,
  categoryTitle,
  usePreferences,
  useSavePreferences,
  type CategoryPreference,
  type Channel,
  type Channels,
} from '@/lib/queries/notifications';
import { ScrollArea } from '@/components/money/scroll-area';
import { PushOptIn } from './push-opt-in';

const CHANNELS: { channel: Channel; label: string }[] = [
  { channel: 'inbox', label: 'Inbox' },
  { channel: 'push', label: 'Push' },
  { channel: 'mail', label: 'Mail' },
];

const ORDER = Object.keys(CATEGORY_TITLES);

function sorted(categories: Record<string, CategoryPreference>): [string, CategoryPreference][] {
  const position = (c: string) => (ORDER.includes(c) ? ORDER.indexOf(c) : ORDER.length);
  return Object.entries(categories).sort(([a], [b]) => position(a) - position(b) || a.localeCompare(b));
}

/** The preferences as PUT wants them: the switchable categories only (account and security are locked). */
export function preferencesBody(draft: Record<string, CategoryPreference>): Record<string, Channels> {
  return Object.fromEntries(
    Object.entries(draft)
      .filter(([, preference]) => !preference.locked)
      .map(([category, p]) => [category, { inbox: Boolean(p.inbox), push: Boolean(p.push), mail: Boolean(p.mail) }]),
  );
}

export function Preferences() {
  const preferences = usePreferences();
  const save = useSavePreferences();
  // What the artist changed, over what the platform has: saving clears it, the saved answer then shows.
  const [changes, setChanges] = useState<Record<string, CategoryPreference>>({});
  const draft = preferences.data ? { ...preferences.data, ...changes } : null;

  const toggle = (category: string, channel: Channel, on: boolean) => {
    setChanges((c) => ({ ...c, [category]: { ...draft?.[category], ...c[category], [channel]: on } }));
    if (save.isSuccess) save.reset();
  };

  return (
    <>
      <PageHeader
        title="Notification preferences"
        description={
          <>
            Choose where each kind of notification reaches you. <AppLink href="/notifications" className="text-brand-700 underline dark:text-brand-100">Back to your notifications</AppLink>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <PushOptIn />
        <Card aria-labelledby="channels-heading">
          <h2 id="channels-heading" className="mb-1 text-lg font-semibold">
            Channels
          </h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-300">
            Inbox: here and on the bell. Push: on the devices where you turned push on. Mail: to your address, with a
            link to stop each kind in one click.
          </p>
          {preferences.isPending ? (
            <Loading label="Loading your preferences…" />
          ) : preferences.error ? (
            <ProblemAlert error={preferences.error} />
          ) : draft ? (
            <form
              aria-labelledby="channels-heading"
              className="flex flex-col gap-4"
              onSubmit={(event) => {
                event.preventDefault();
                save.mutate(preferencesBody(draft), { onSuccess: () => setChanges({}) });
              }}
            >
              <ProblemAlert error={save.error} />
              {save.isSuccess ? <Alert tone="success">Preferences saved.</Alert> : null}
              <ScrollArea label="Channels per kind">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Where each kind of notification reaches you</caption>
                  <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-300">
                    <tr>
                      <th scope="col" className="px-4 py-2 font-medium">Kind</th>
                      {CHANNELS.map(({ channel, label }) => (
                        <th key={channel} scope="col" className="px-4 py-2 text-center font-medium">
                          {label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {sorted(draft).map(([category, preference]) => (
                      <tr key={category} className="border-t border-zinc-200 dark:border-zinc-800">
                        <th scope="row" className="px-4 py-2 font-medium">
                          {categoryTitle(category)}
                          {preference.locked ? (
                            <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">
                              Always on: account and security notices cannot be turned off.
                            </span>
                          ) : null}
                        </th>
                        {CHANNELS.map(({ channel, label }) => (
                          <td key={channel} className="px-4 py-2 text-center">
                            <input
                              type="checkbox"
                              aria-label={`${categoryTitle(category)} by ${label.toLowerCase()}`}
                              checked={Boolean(preference[channel])}
                              disabled={preference.locked}
                              onChange={(e) => toggle(category, channel, e.target.checked)}
                              className="size-4 accent-brand-600"
                            />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollArea>
              <div>
                <Button type="submit" busy={save.isPending}>
                  Save preferences
                </Button>
              </div>
            </form>
          ) : null}
        </Card>
      </div>
    </>
  );
}
