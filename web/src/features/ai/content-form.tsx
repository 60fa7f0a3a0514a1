'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { fieldErrorsOf, isProblem, ProblemAlert } from '@/components/ui/problem-alert';
import { Card } from '@/components/ui/states';
import { toProblem } from '@/lib/api/problem';
import { CONTENT_KINDS, type Content, type ContentKind, type ContentRequest, MIN_CHARS, useWriteContent } from '@/lib/queries/ai';
import { useReleaseList } from '@/lib/queries/releases';
import { useTrackList } from '@/lib/queries/tracks';
import { FactChips } from './cited-facts';
import { GroundingNote } from './grounding-note';

const FIELDS = ['kind', 'trackId', 'releaseId', 'tone', 'language', 'maxChars'] as const;

/** The service refuses these with a code rather than a field: they belong under the field they are about. */
const CODE_FIELDS = {
  'ai.over_store_limit': 'maxChars',
  'ai.track_not_found': 'trackId',
  'ai.release_not_found': 'releaseId',
};

export function limitOf(kind: ContentKind): number {
  return CONTENT_KINDS.find((k) => k.kind === kind)?.maxChars ?? 280;
}

/**
 * What is wrong with the limit the artist typed, before anything is sent: empty means the kind's own limit;
 * above it the store (or network) would cut the text.
 */
export function maxCharsError(kind: ContentKind, text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  const limit = limitOf(kind);
  const name = CONTENT_KINDS.find((k) => k.kind === kind)?.label.toLowerCase() ?? 'this text';
  if (!Number.isInteger(value)) return 'Max characters must be a whole number.';
  if (value < MIN_CHARS) return `Max characters must be at least ${MIN_CHARS}.`;
  if (value > limit) return `A ${name} may hold at most ${limit} characters: that is the limit where it goes.`;
  return undefined;
}

function Result({ content }: { content: Content }) {
  const [text, setText] = useState(content.text ?? '');
  const maxChars = content.maxChars ?? limitOf(content.kind ?? 'social_post');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const over = text.length > maxChars;
  return (
    <Card aria-labelledby="result-heading">
      <h2 id="result-heading" className="mb-3 text-lg font-semibold">
        Your text
      </h2>
      <TextAreaField
        label="Text to edit"
        rows={Math.min(16, Math.max(4, Math.ceil(maxChars / 90)))}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setCopied(null);
        }}
        hint={`${text.length} of ${maxChars} characters.`}
        error={over ? `The text is ${text.length - maxChars} characters over its limit of ${maxChars}.` : undefined}
      />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          onClick={() => {
            navigator.clipboard
              .writeText(text)
              .then(() => setCopied('yes'))
              .catch(() => setCopied('failed'));
          }}
        >
          Copy
        </Button>
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-300">
          {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'The browser did not allow copying: select the text and copy it.' : ''}
        </p>
      </div>
      <GroundingNote removed={content.ungroundedRemoved} sentences={content.removedSentences} />
      <FactChips facts={content.facts ?? []} label="Facts used" />
    </Card>
  );
}

export function ContentForm() {
  const [kind, setKind] = useState<ContentKind>('playlist_pitch');
  const [trackId, setTrackId] = useState('');
  const [releaseId, setReleaseId] = useState('');
  const [tone, setTone] = useState('');
  const [language, setLanguage] = useState('en');
  const [maxChars, setMaxChars] = useState('');
  const [touched, setTouched] = useState(false);
  const write = useWriteContent();
  const tracks = useTrackList(0, 100);
  const releases = useReleaseList(0, 100);

  const limit = limitOf(kind);
  const localError = touched ? maxCharsError(kind, maxChars) : undefined;
  const serverError = fieldErrorsOf(write.error, CODE_FIELDS);
  const notConfigured = isProblem(write.error, 'ai.provider_not_configured');

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (maxCharsError(kind, maxChars)) return;
    const request: ContentRequest = {
      kind,
      ...(trackId ? { trackId } : {}),
      ...(releaseId ? { releaseId } : {}),
      ...(tone.trim() ? { tone: tone.trim() } : {}),
      ...(language.trim() ? { language: language.trim() } : {}),
      ...(maxChars.trim() ? { maxChars: Number(maxChars) } : {}),
    };
    write.mutate(request);
  }

  return (
    <div className="flex flex-col gap-4">
      <Card aria-labelledby="write-heading">
        <h2 id="write-heading" className="mb-1 text-lg font-semibold">
          Write
        </h2>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-300">
          A draft from your own facts, for you to edit. It never states a number your facts do not hold.
        </p>
        <form aria-label="Write a text" noValidate onSubmit={submit} className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as ContentKind)}
            options={CONTENT_KINDS.map((k) => ({ value: k.kind, label: `${k.label} (up to ${k.maxChars})` }))}
            hint={`Up to ${limit} characters: the limit of ${CONTENT_KINDS.find((k) => k.kind === kind)?.where}.`}
            error={serverError('kind')}
          />
          <TextField
            label="Max characters"
            type="number"
            inputMode="numeric"
            min={MIN_CHARS}
            max={limit}
            placeholder={String(limit)}
            value={maxChars}
            onChange={(e) => setMaxChars(e.target.value)}
            onBlur={() => setTouched(true)}
            hint={`Optional: a shorter limit, between ${MIN_CHARS} and ${limit}.`}
            error={localError ?? serverError('maxChars')}
          />
          <SelectField
            label="Track"
            value={trackId}
            onChange={(e) => setTrackId(e.target.value)}
            options={[
              { value: '', label: tracks.isPending ? 'Loading your tracks…' : 'No particular track' },
              ...(tracks.data?.items ?? []).map((t) => ({ value: t.id ?? '', label: t.title || 'Untitled' })),
            ]}
            error={serverError('trackId')}
          />
          <SelectField
            label="Release"
            value={releaseId}
            onChange={(e) => setReleaseId(e.target.value)}
            options={[
              { value: '', label: releases.isPending ? 'Loading your releases…' : 'No particular release' },
              ...(releases.data?.items ?? []).map((r) => ({ value: r.id ?? '', label: r.title || 'Untitled' })),
            ]}
            error={serverError('releaseId')}
          />
          <TextField
            label="Tone"
            value={tone}
            maxLength={40}
            placeholder="warm, confident"
            onChange={(e) => setTone(e.target.value)}
            hint="Optional: a few words."
            error={serverError('tone')}
          />
          <TextField
            label="Language"
            value={language}
            maxLength={20}
            onChange={(e) => setLanguage(e.target.value)}
            hint="A language tag, such as en, fr or pt-BR."
            error={serverError('language')}
          />
          <div className="sm:col-span-2">
            <Button type="submit" busy={write.isPending}>
              Write it
            </Button>
          </div>
        </form>
      </Card>
      {notConfigured ? (
        <Alert tone="warning" title="Writing needs an AI model">
          {toProblem(write.error).detail}
        </Alert>
      ) : write.error && !FIELDS.some((f) => serverError(f)) ? (
        <ProblemAlert error={write.error} fields={FIELDS} />
      ) : null}
      {write.data && !write.isPending ? <Result key={write.submittedAt} content={write.data} /> : null}
    </div>
  );
}
