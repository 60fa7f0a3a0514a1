'use client';

import { AppLink } from '@/components/ui/app-link';
import { Card, PageHeader } from '@/components/ui/states';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useAlbumList } from '@/lib/queries/albums';
import { displayNameOf, useMe } from '@/lib/queries/account';
import { useProcessingCount, useTrackList } from '@/lib/queries/tracks';
import { NumbersCard } from '@/features/analytics/numbers-card';
import { TrackStatusBadge } from '@/features/tracks/track-status';
import { VerificationBanner } from './verification-banner';

const LINK = 'font-medium text-brand-700 hover:underline dark:text-brand-100';

function Stat({ label, value, href }: { label: string; value: React.ReactNode; href: string }) {
  return (
    <AppLink href={href} className="rounded-lg border border-zinc-200 p-4 hover:border-brand-500 dark:border-zinc-800">
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{label}</p>
      <p className="mt-1 text-3xl font-bold tabular-nums">{value}</p>
    </AppLink>
  );
}

export function Dashboard() {
  const me = useMe();
  const tracks = useTrackList(0, 5);
  const albums = useAlbumList(0, 5);
  const user = me.data;
  const recent = tracks.data?.items ?? [];
  const processing = useProcessingCount();

  return (
    <>
      <PageHeader title={`Welcome, ${displayNameOf(user)}`} description="Your music, your numbers, your releases." />
      <div className="flex flex-col gap-6">
        {user ? <VerificationBanner user={user} /> : null}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Stat label="Tracks" value={tracks.data?.totalItems ?? '–'} href="/tracks" />
          <Stat label="Being processed" value={processing.data ?? '–'} href="/tracks" />
          <Stat label="Albums" value={albums.data?.totalItems ?? '–'} href="/albums" />
        </div>
        <NumbersCard />
        <div className="grid gap-4 lg:grid-cols-2">
          <Card aria-labelledby="recent-tracks">
            <div className="mb-3 flex items-center justify-between">
              <h2 id="recent-tracks" className="text-lg font-semibold">
                Recent tracks
              </h2>
              <AppLink href="/tracks" className={LINK}>
                Upload tracks
              </AppLink>
            </div>
            <ProblemAlert error={tracks.error} />
            {tracks.data && recent.length === 0 ? (
              <p className="text-zinc-600 dark:text-zinc-300">No tracks yet. Upload your first one to see its analysis.</p>
            ) : null}
            <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
              {recent.map((t) => (
                <li key={t.id} className="flex items-center justify-between gap-2 py-2">
                  <AppLink href={`/tracks/${t.id}`} className={`${LINK} truncate`}>
                    {t.title || 'Untitled'}
                  </AppLink>
                  <TrackStatusBadge status={t.status} />
                </li>
              ))}
            </ul>
          </Card>
          <Card aria-labelledby="recent-albums">
            <div className="mb-3 flex items-center justify-between">
              <h2 id="recent-albums" className="text-lg font-semibold">
                Albums
              </h2>
              <AppLink href="/albums" className={LINK}>
                All albums
              </AppLink>
            </div>
            <ProblemAlert error={albums.error} />
            {albums.data && (albums.data.items ?? []).length === 0 ? (
              <p className="text-zinc-600 dark:text-zinc-300">No albums yet. Gather your tracks into a single, an EP or an album.</p>
            ) : null}
            <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
              {(albums.data?.items ?? []).map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-2 py-2">
                  <AppLink href={`/albums/${a.id}`} className={`${LINK} truncate`}>
                    {a.title}
                  </AppLink>
                  <span className="text-sm text-zinc-600 dark:text-zinc-300">
                    {(a.warnings ?? []).length === 0 ? 'Ready' : `${(a.warnings ?? []).length} to do`}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
        {user && !user.handle ? (
          <Card>
            <p>
              Choose a handle to get your public page.{' '}
              <AppLink href="/profile" className={LINK}>
                Edit your profile
              </AppLink>
            </p>
          </Card>
        ) : null}
      </div>
    </>
  );
}
