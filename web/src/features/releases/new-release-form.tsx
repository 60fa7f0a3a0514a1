'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { INPUT_CLASS, SelectField, TextField } from '@/components/ui/field';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card, EmptyState, Loading, PageHeader } from '@/components/ui/states';
import { fieldSentence, toProblem } from '@/lib/api/problem';
import { useAlbumList } from '@/lib/queries/albums';
import { useCreateRelease, usePlatforms, type Platform } from '@/lib/queries/releases';
import { earliestReleaseDate, formatDay } from './dates';

const FIELDS = ['albumId', 'platforms', 'releaseDate', 'territories'] as const;

/** The first message about a field or one of its items (`platforms[1]` is about `platforms`). */
export function messageAbout(error: unknown, field: string): string | undefined {
  if (!error) return undefined;
  return toProblem(error).fieldErrors.find(
    (e) => e.field === field || e.field.startsWith(`${field}[`) || e.field.startsWith(`${field}.`),
  )?.message;
}

/** Country codes as the artist types them: "de, FR  us" → ["DE", "FR", "US"]. */
export function parseTerritories(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code.length > 0);
}

function leadTimeText(platform: Platform): string {
  const days = platform.leadTimeDays ?? 0;
  return `${days} day${days === 1 ? '' : 's'}' lead time`;
}

export function NewReleaseForm({ initialAlbumId }: { initialAlbumId?: string }) {
  const router = useRouter();
  const albums = useAlbumList(0, 100);
  const platforms = usePlatforms();
  const create = useCreateRelease();
  const [albumId, setAlbumId] = useState(initialAlbumId ?? '');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [releaseDate, setReleaseDate] = useState<string | null>(null);
  const [scope, setScope] = useState<'worldwide' | 'countries'>('worldwide');
  const [countries, setCountries] = useState('');
  const [noStore, setNoStore] = useState(false);
  const storesId = useId();
  const territoriesHintId = useId();
  const territoriesErrorId = useId();

  if (albums.isPending || platforms.isPending) return <Loading label="Loading your albums and the stores…" />;
  if (albums.error || platforms.error) return <ProblemAlert error={albums.error ?? platforms.error} />;

  const albumItems = albums.data.items ?? [];
  const stores = platforms.data.items ?? [];
  if (albumItems.length === 0) {
    return (
      <EmptyState title="No album to release yet" action={<Link href="/albums" className="font-medium text-brand-700 underline dark:text-brand-100">Create an album</Link>}>
        A release delivers an album (a single, an EP or an album) to the stores. Create one first.
      </EmptyState>
    );
  }
  const selectedAlbum = albumId || albumItems[0]?.id || '';
  const selectedStores = chosen ?? stores.map((s) => s.name ?? '');
  const leadTimes = stores.filter((s) => selectedStores.includes(s.name ?? '')).map((s) => s.leadTimeDays ?? 0);
  const earliest = earliestReleaseDate(leadTimes);
  const album = albumItems.find((a) => a.id === selectedAlbum);
  const date = releaseDate ?? (album?.releaseDate && album.releaseDate >= earliest ? album.releaseDate : earliest);
  const tooEarly = date !== '' && date < earliest;
  const errorFor = (field: string) =>
    field === 'platforms' && noStore && selectedStores.length === 0 ? 'Choose at least one store.' : messageAbout(create.error, field);
  const territoriesError = errorFor('territories');

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/releases" className="text-brand-700 hover:underline dark:text-brand-100">
          Releases
        </Link>
      </nav>
      <PageHeader title="New release" description="Choose the album, the stores, the day it goes live and where." />
      <Card aria-labelledby="new-release-heading">
        <h2 id="new-release-heading" className="sr-only">
          New release
        </h2>
        <form
          noValidate
          aria-label="New release"
          className="flex max-w-2xl flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            setNoStore(selectedStores.length === 0);
            if (selectedStores.length === 0) return;
            create.mutate(
              {
                albumId: selectedAlbum,
                platforms: selectedStores,
                releaseDate: date || undefined,
                territories: scope === 'worldwide' ? ['Worldwide'] : parseTerritories(countries),
              },
              { onSuccess: (release) => release.id && router.push(`/releases/${release.id}`) },
            );
          }}
        >
          <SelectField
            label="Album"
            value={selectedAlbum}
            options={albumItems.map((a) => ({ value: a.id ?? '', label: a.title ?? 'Untitled' }))}
            onChange={(e) => setAlbumId(e.target.value)}
            error={errorFor('albumId')}
          />

          <fieldset aria-describedby={errorFor('platforms') ? `${storesId}-error` : undefined} className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Stores</legend>
            {stores.map((store) => {
              const name = store.name ?? '';
              const checked = selectedStores.includes(name);
              return (
                <label key={name} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-1 size-4 accent-brand-600"
                    checked={checked}
                    aria-invalid={Boolean(errorFor('platforms')) || undefined}
                    onChange={() =>
                      setChosen(checked ? selectedStores.filter((s) => s !== name) : [...selectedStores, name])
                    }
                  />
                  <span>
                    <span className="font-medium">{store.displayName ?? name}</span>
                    <span className="text-zinc-600 dark:text-zinc-300"> · {leadTimeText(store)} · DDEX party {store.dpid}</span>
                  </span>
                </label>
              );
            })}
            {errorFor('platforms') ? (
              <p id={`${storesId}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
                {fieldSentence('Stores', errorFor('platforms') ?? '')}
              </p>
            ) : null}
          </fieldset>

          <TextField
            label="Release date"
            type="date"
            min={earliest}
            value={date}
            onChange={(e) => setReleaseDate(e.target.value)}
            hint={
              leadTimes.length > 0
                ? `The chosen stores need the release ${Math.max(...leadTimes)} days ahead: ${formatDay(earliest)} or later.`
                : undefined
            }
            error={errorFor('releaseDate') ?? (tooEarly ? `is inside a store's lead time: choose ${formatDay(earliest)} or later` : undefined)}
          />

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Territories</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" className="size-4 accent-brand-600" checked={scope === 'worldwide'} onChange={() => setScope('worldwide')} />
              Worldwide
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" className="size-4 accent-brand-600" checked={scope === 'countries'} onChange={() => setScope('countries')} />
              Only these countries
            </label>
            {scope === 'countries' ? (
              <div className="flex flex-col gap-1.5 pl-6">
                <label htmlFor={`${territoriesHintId}-input`} className="text-sm font-medium">
                  Country codes
                </label>
                <input
                  id={`${territoriesHintId}-input`}
                  className={INPUT_CLASS}
                  value={countries}
                  placeholder="DE, FR, US"
                  aria-invalid={Boolean(territoriesError) || undefined}
                  aria-describedby={[territoriesHintId, territoriesError ? territoriesErrorId : ''].filter(Boolean).join(' ')}
                  onChange={(e) => setCountries(e.target.value)}
                />
                <p id={territoriesHintId} className="text-sm text-zinc-600 dark:text-zinc-400">
                  Two-letter ISO codes, separated by commas or spaces.
                </p>
              </div>
            ) : null}
            {territoriesError ? (
              <p id={territoriesErrorId} className="text-sm font-medium text-red-700 dark:text-red-400">
                {fieldSentence('Territories', territoriesError)}
              </p>
            ) : null}
          </fieldset>

          <ProblemAlert error={create.error} fields={FIELDS} />
          <div>
            <Button type="submit" busy={create.isPending}>
              Create release
            </Button>
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            Nothing is sent yet: the next page checks the album against every store&apos;s rules first.
          </p>
        </form>
      </Card>
    </>
  );
}
