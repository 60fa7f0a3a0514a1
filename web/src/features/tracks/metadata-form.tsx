'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { Card } from '@/components/ui/states';
import { api, unwrap } from '@/lib/api/client';
import { CREDIT_ROLES, type CreditRole, type Track, type TrackDetails } from '@/lib/api/types';
import { humanise } from '@/lib/format';
import { keys } from '@/lib/queries/keys';

interface CreditRow {
  key: number;
  name: string;
  role: CreditRole;
}

interface Draft {
  title: string;
  versionTitle: string;
  isrc: string;
  genre: string;
  language: string;
  explicit: boolean;
  credits: CreditRow[];
}

let rowKey = 0;

function draftOf(track: Track): Draft {
  return {
    title: track.title ?? '',
    versionTitle: track.versionTitle ?? '',
    isrc: track.isrc ?? '',
    genre: track.genre ?? '',
    language: track.language ?? '',
    explicit: track.explicit ?? false,
    credits: (track.credits ?? []).map((c) => ({ key: (rowKey += 1), name: c.name ?? '', role: c.role ?? 'MAIN_ARTIST' })),
  };
}

/** The form as a JSON merge patch: a cleared field is sent as null, so the platform clears it too. */
export function patchOf(draft: Draft): Record<string, unknown> {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    title: text(draft.title),
    versionTitle: text(draft.versionTitle),
    isrc: text(draft.isrc),
    genre: text(draft.genre),
    language: text(draft.language),
    explicit: draft.explicit,
    credits: draft.credits.map((c) => ({ name: c.name.trim(), role: c.role })),
  };
}

const FIELDS = ['title', 'versionTitle', 'isrc', 'genre', 'language', 'explicit', 'credits'];
const ROLE_OPTIONS = CREDIT_ROLES.map((role) => ({ value: role, label: humanise(role) }));

export function MetadataForm({ track }: { track: Track }) {
  const client = useQueryClient();
  const id = track.id ?? '';
  const [draft, setDraft] = useState<Draft>(() => draftOf(track));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/tracks/{id}', {
          params: { path: { id } },
          body: patchOf(draft) as TrackDetails,
          headers: { 'Content-Type': 'application/merge-patch+json' },
        }),
      ),
    onSuccess: (saved) => {
      client.setQueryData(keys.track(id), saved);
      void client.invalidateQueries({ queryKey: keys.tracks });
      setDraft(draftOf(saved));
    },
  });
  const errorFor = fieldErrorsOf(save.error);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (save.isSuccess) save.reset();
  };
  const setCredit = (key: number, change: Partial<CreditRow>) =>
    set('credits', draft.credits.map((c) => (c.key === key ? { ...c, ...change } : c)));

  return (
    <Card aria-labelledby="metadata-heading">
      <h2 id="metadata-heading" className="mb-4 text-lg font-semibold">
        Details
      </h2>
      <form
        noValidate
        aria-labelledby="metadata-heading"
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <ProblemAlert error={save.error} fields={FIELDS} />
        {save.isSuccess ? <Alert tone="success">Details saved.</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Title" name="title" value={draft.title} onChange={(e) => set('title', e.target.value)} error={errorFor('title')} />
          <TextField
            label="Version"
            name="versionTitle"
            hint="Radio edit, Remastered 2024, …"
            value={draft.versionTitle}
            onChange={(e) => set('versionTitle', e.target.value)}
            error={errorFor('versionTitle')}
          />
          <TextField
            label="ISRC"
            name="isrc"
            hint="CC-XXX-YY-NNNNN, e.g. GB-ABC-24-00001."
            value={draft.isrc}
            onChange={(e) => set('isrc', e.target.value)}
            error={errorFor('isrc')}
          />
          <TextField label="Genre" name="genre" value={draft.genre} onChange={(e) => set('genre', e.target.value)} error={errorFor('genre')} />
          <TextField
            label="Language"
            name="language"
            hint="The lyrics' language as an ISO code: en, fr, pt-BR…"
            value={draft.language}
            onChange={(e) => set('language', e.target.value)}
            error={errorFor('language')}
          />
          <div className="flex items-center gap-2 self-end pb-2">
            <input
              id="track-explicit"
              type="checkbox"
              checked={draft.explicit}
              onChange={(e) => set('explicit', e.target.checked)}
              className="size-4 accent-brand-600"
            />
            <label htmlFor="track-explicit" className="text-sm font-medium">
              Explicit lyrics
            </label>
          </div>
        </div>

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-sm font-semibold">Credits</legend>
          {draft.credits.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-300">No credits yet.</p>
          ) : null}
          {draft.credits.map((credit, index) => (
            <div key={credit.key} className="grid items-start gap-2 sm:grid-cols-[1fr_14rem_auto]">
              <TextField
                label={`Credit ${index + 1} name`}
                value={credit.name}
                onChange={(e) => setCredit(credit.key, { name: e.target.value })}
                error={errorFor(`credits[${index}].name`)}
              />
              <SelectField
                label={`Credit ${index + 1} role`}
                value={credit.role}
                options={ROLE_OPTIONS}
                onChange={(e) => setCredit(credit.key, { role: e.target.value as CreditRole })}
                error={errorFor(`credits[${index}].role`)}
              />
              <Button
                variant="ghost"
                size="sm"
                className="sm:mt-7"
                aria-label={`Remove credit ${index + 1}`}
                onClick={() => set('credits', draft.credits.filter((c) => c.key !== credit.key))}
              >
                Remove
              </Button>
            </div>
          ))}
          <div>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => set('credits', [...draft.credits, { key: (rowKey += 1), name: '', role: 'MAIN_ARTIST' }])}
            >
              Add a credit
            </Button>
          </div>
          {errorFor('credits') ? (
            <p className="text-sm font-medium text-red-700 dark:text-red-400">{errorFor('credits')}</p>
          ) : null}
        </fieldset>

        <div>
          <Button type="submit" busy={save.isPending}>
            Save details
          </Button>
        </div>
      </form>
    </Card>
  );
}
