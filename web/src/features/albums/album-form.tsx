'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { Card } from '@/components/ui/states';
import { api, unwrap } from '@/lib/api/client';
import type { Album, AlbumDetails, AlbumType } from '@/lib/api/types';
import { TYPE_OPTIONS } from './album-list';

interface Draft {
  title: string;
  type: AlbumType;
  upc: string;
  releaseDate: string;
  labelName: string;
  primaryGenre: string;
  pLine: string;
  cLine: string;
}

function draftOf(album: Album): Draft {
  return {
    title: album.title ?? '',
    type: album.type ?? 'ALBUM',
    upc: album.upc ?? '',
    releaseDate: album.releaseDate ?? '',
    labelName: album.labelName ?? '',
    primaryGenre: album.primaryGenre ?? '',
    pLine: album.pLine ?? '',
    cLine: album.cLine ?? '',
  };
}

const FIELDS = ['title', 'type', 'upc', 'releaseDate', 'labelName', 'primaryGenre', 'pLine', 'cLine'];

export function AlbumForm({ album, onSaved }: { album: Album; onSaved: (album: Album) => void }) {
  const id = album.id ?? '';
  const [draft, setDraft] = useState<Draft>(() => draftOf(album));
  const save = useMutation({
    mutationFn: () => {
      const text = (value: string) => (value.trim() === '' ? null : value.trim());
      const patch = {
        title: draft.title.trim(),
        type: draft.type,
        upc: text(draft.upc),
        releaseDate: text(draft.releaseDate),
        labelName: text(draft.labelName),
        primaryGenre: text(draft.primaryGenre),
        pLine: text(draft.pLine),
        cLine: text(draft.cLine),
      };
      return unwrap(
        api.PATCH('/api/v1/albums/{id}', {
          params: { path: { id } },
          body: patch as AlbumDetails,
          headers: { 'Content-Type': 'application/merge-patch+json' },
        }),
      );
    },
    onSuccess: (saved) => {
      setDraft(draftOf(saved));
      onSaved(saved);
    },
  });
  const errorFor = fieldErrorsOf(save.error);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (save.isSuccess) save.reset();
  };

  return (
    <Card aria-labelledby="album-details-heading">
      <h2 id="album-details-heading" className="mb-3 text-lg font-semibold">
        Release details
      </h2>
      <form
        noValidate
        aria-labelledby="album-details-heading"
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <ProblemAlert error={save.error} fields={FIELDS} />
        {save.isSuccess ? <Alert tone="success">Album saved.</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Title" value={draft.title} onChange={(e) => set('title', e.target.value)} error={errorFor('title')} />
          <SelectField label="Type" value={draft.type} options={TYPE_OPTIONS} onChange={(e) => set('type', e.target.value as AlbumType)} error={errorFor('type')} />
          <TextField
            label="UPC"
            inputMode="numeric"
            hint="The barcode: 12 digits (UPC-A) or 13 (EAN-13)."
            value={draft.upc}
            onChange={(e) => set('upc', e.target.value)}
            error={errorFor('upc')}
          />
          <TextField label="Release date" type="date" value={draft.releaseDate} onChange={(e) => set('releaseDate', e.target.value)} error={errorFor('releaseDate')} />
          <TextField label="Label name" value={draft.labelName} onChange={(e) => set('labelName', e.target.value)} error={errorFor('labelName')} />
          <TextField label="Primary genre" value={draft.primaryGenre} onChange={(e) => set('primaryGenre', e.target.value)} error={errorFor('primaryGenre')} />
          <TextField label="℗ line" hint="Who owns the recordings, e.g. 2025 Your Name." value={draft.pLine} onChange={(e) => set('pLine', e.target.value)} error={errorFor('pLine')} />
          <TextField label="© line" hint="Who owns the artwork and text." value={draft.cLine} onChange={(e) => set('cLine', e.target.value)} error={errorFor('cLine')} />
        </div>
        <div>
          <Button type="submit" busy={save.isPending}>
            Save album
          </Button>
        </div>
      </form>
    </Card>
  );
}
