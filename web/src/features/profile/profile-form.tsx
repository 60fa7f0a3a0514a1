'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { Card, PageHeader } from '@/components/ui/states';
import { api, unwrap } from '@/lib/api/client';
import type { Profile, User } from '@/lib/api/types';
import { useMe } from '@/lib/queries/account';
import { keys } from '@/lib/queries/keys';

interface LinkRow {
  key: number;
  label: string;
  url: string;
}

interface Draft {
  displayName: string;
  handle: string;
  bio: string;
  genres: string;
  location: string;
  links: LinkRow[];
}

let rowKey = 0;

function draftOf(user: User): Draft {
  return {
    displayName: user.displayName ?? '',
    handle: user.handle ?? '',
    bio: user.bio ?? '',
    genres: (user.genres ?? []).join(', '),
    location: user.location ?? '',
    links: (user.links ?? []).map((l) => ({ key: (rowKey += 1), label: l.label, url: l.url })),
  };
}

/** Genres are typed as a list separated by commas; empty entries are dropped. */
export function genresOf(text: string): string[] {
  return text
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g.length > 0);
}

export function profilePatchOf(draft: Draft): Record<string, unknown> {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    displayName: draft.displayName.trim(),
    handle: text(draft.handle)?.toLowerCase() ?? null,
    bio: text(draft.bio),
    genres: genresOf(draft.genres),
    location: text(draft.location),
    links: draft.links.map((l) => ({ label: l.label.trim(), url: l.url.trim() })),
  };
}

const FIELDS = ['displayName', 'handle', 'bio', 'genres', 'location', 'links'];

function Form({ user }: { user: User }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(user));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/users/me', {
          body: profilePatchOf(draft) as Profile,
          headers: { 'Content-Type': 'application/merge-patch+json' },
        }),
      ),
    onSuccess: (saved) => {
      client.setQueryData(keys.me, saved);
      setDraft(draftOf(saved));
    },
  });
  const errorFor = fieldErrorsOf(save.error, { 'profile.handle_taken': 'handle' });
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (save.isSuccess) save.reset();
  };
  const setLink = (key: number, change: Partial<LinkRow>) =>
    set('links', draft.links.map((l) => (l.key === key ? { ...l, ...change } : l)));
  const genreError = errorFor('genres') ?? firstIndexed(save.error, 'genres');
  const publicHandle = user.handle;

  return (
    <form
      noValidate
      aria-label="Profile"
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <ProblemAlert error={save.error} fields={FIELDS} />
      {save.isSuccess ? <Alert tone="success">Profile saved.</Alert> : null}
      {publicHandle ? (
        <p className="text-sm">
          Your public page:{' '}
          <Link href={`/${publicHandle}`} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
            /{publicHandle}
          </Link>
        </p>
      ) : null}
      <Card className="grid gap-4 sm:grid-cols-2">
        <TextField label="Artist name" value={draft.displayName} onChange={(e) => set('displayName', e.target.value)} error={errorFor('displayName')} />
        <TextField
          label="Handle"
          hint="Your public page's address: 3 to 30 lower-case letters, digits, - or _."
          autoCapitalize="none"
          spellCheck={false}
          value={draft.handle}
          onChange={(e) => set('handle', e.target.value)}
          error={errorFor('handle')}
        />
        <TextAreaField
          label="Bio"
          className="sm:col-span-2"
          rows={5}
          maxLength={2000}
          value={draft.bio}
          onChange={(e) => set('bio', e.target.value)}
          error={errorFor('bio')}
        />
        <TextField
          label="Genres"
          hint="Separated by commas, most important first; up to 10."
          value={draft.genres}
          onChange={(e) => set('genres', e.target.value)}
          error={genreError}
        />
        <TextField label="Location" value={draft.location} onChange={(e) => set('location', e.target.value)} error={errorFor('location')} />
      </Card>
      <Card aria-labelledby="links-heading">
        <fieldset className="flex flex-col gap-3">
          <legend id="links-heading" className="mb-2 text-lg font-semibold">
            Links
          </legend>
          {draft.links.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-300">No links yet.</p> : null}
          {draft.links.map((link, index) => (
            <div key={link.key} className="grid items-start gap-2 sm:grid-cols-[14rem_1fr_auto]">
              <TextField
                label={`Link ${index + 1} label`}
                value={link.label}
                onChange={(e) => setLink(link.key, { label: e.target.value })}
                error={errorFor(`links[${index}].label`)}
              />
              <TextField
                label={`Link ${index + 1} URL`}
                type="url"
                value={link.url}
                onChange={(e) => setLink(link.key, { url: e.target.value })}
                error={errorFor(`links[${index}].url`)}
              />
              <Button
                variant="ghost"
                size="sm"
                className="sm:mt-7"
                aria-label={`Remove link ${index + 1}`}
                onClick={() => set('links', draft.links.filter((l) => l.key !== link.key))}
              >
                Remove
              </Button>
            </div>
          ))}
          <div>
            <Button
              variant="secondary"
              size="sm"
              disabled={draft.links.length >= 10}
              onClick={() => set('links', [...draft.links, { key: (rowKey += 1), label: '', url: '' }])}
            >
              Add a link
            </Button>
          </div>
        </fieldset>
      </Card>
      <div>
        <Button type="submit" busy={save.isPending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}

/** A message about one of the genres (genres[2]) belongs under the genres field too. */
function firstIndexed(error: unknown, field: string): string | undefined {
  const lookup = fieldErrorsOf(error);
  for (let i = 0; i < 10; i += 1) {
    const message = lookup(`${field}[${i}]`);
    if (message) return `Genre ${i + 1}: ${message}`;
  }
  return undefined;
}

/** The profile page; `picture`, the picture's own upload (app/(app)/profile), goes above the form. */
export function ProfilePage({ picture }: { picture?: React.ReactNode } = {}) {
  const me = useMe();
  return (
    <>
      <PageHeader title="Profile" description="What fans and the stores see about you." />
      {me.data ? picture : null}
      {me.data ? <Form key={me.data.id} user={me.data} /> : null}
    </>
  );
}
