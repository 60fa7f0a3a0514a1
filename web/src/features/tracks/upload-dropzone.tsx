'use client';

import { useId, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';

export const AUDIO_ACCEPT = 'audio/*,.wav,.aif,.aiff,.flac,.mp3,.m4a,.ogg,.oga,.opus';

/**
 * Where files are dropped, or chosen with the button (the keyboard's and the phone's way in). What the
 * files are is the platform's to judge: a refused one shows its reason in the queue.
 */
export function UploadDropzone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  return (
    <div
      role="region"
      aria-label="Upload tracks"
      onDragEnter={(event) => {
        event.preventDefault();
        depth.current += 1;
        setDragging(true);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setDragging(false);
        const files = Array.from(event.dataTransfer.files);
        if (files.length > 0) onFiles(files);
      }}
      className={cn(
        'flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors',
        dragging
          ? 'border-brand-500 bg-brand-50 dark:bg-zinc-900'
          : 'border-zinc-300 dark:border-zinc-700',
      )}
    >
      <p className="text-lg font-semibold">{dragging ? 'Drop to upload' : 'Drag audio files here'}</p>
      <p id={hintId} className="text-sm text-zinc-600 dark:text-zinc-300">
        WAV, AIFF, FLAC, MP3, M4A, Ogg Vorbis or Opus, one or many at a time. WAV or FLAC is what stores want.
      </p>
      <label
        htmlFor={inputId}
        className="cursor-pointer rounded-md bg-brand-600 px-4 py-2 font-medium text-white focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-500 hover:bg-brand-700"
      >
        Choose audio files
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          accept={AUDIO_ACCEPT}
          aria-describedby={hintId}
          className="sr-only"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            if (files.length > 0) onFiles(files);
            // The same file may be chosen again after a cancel.
            event.target.value = '';
          }}
        />
      </label>
    </div>
  );
}
