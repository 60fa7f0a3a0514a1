'use client';

import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { SelectField } from '@/components/ui/field';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card } from '@/components/ui/states';
import type { AlbumTrack, Track } from '@/lib/api/types';
import { TrackStatusBadge } from '@/features/tracks/track-status';

function Row({
  track,
  index,
  count,
  onMove,
  onRemove,
  disabled,
}: {
  track: AlbumTrack;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (id: string) => void;
  disabled: boolean;
}) {
  const id = track.id ?? '';
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled });
  const title = track.title || 'Untitled';
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={cn(
        'flex flex-wrap items-center gap-3 rounded-md border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900',
        isDragging && 'relative z-10 shadow-lg',
      )}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        aria-label={`Drag ${title} to reorder`}
        className="cursor-grab touch-none rounded px-2 py-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        {...attributes}
        {...listeners}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <span className="w-6 text-right font-semibold tabular-nums">{index + 1}</span>
      <span className="min-w-0 flex-1 truncate">
        {title}
        {track.versionTitle ? <span className="text-zinc-600 dark:text-zinc-400"> ({track.versionTitle})</span> : null}
      </span>
      <TrackStatusBadge status={track.status} />
      <div className="flex gap-1">
        <Button variant="ghost" size="sm" aria-label={`Move ${title} up`} disabled={disabled || index === 0} onClick={() => onMove(index, index - 1)}>
          ↑
        </Button>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Move ${title} down`}
          disabled={disabled || index === count - 1}
          onClick={() => onMove(index, index + 1)}
        >
          ↓
        </Button>
        <Button variant="ghost" size="sm" aria-label={`Remove ${title} from the album`} disabled={disabled} onClick={() => onRemove(id)}>
          Remove
        </Button>
      </div>
    </li>
  );
}

/**
 * The running order: drag by the handle (mouse, touch, or the keyboard: Space, arrows, Space), or use the
 * arrow buttons. Every change is saved at once as the album's whole track list.
 */
export function RunningOrder({
  tracks,
  catalogue,
  onChange,
  saving,
  error,
}: {
  tracks: AlbumTrack[];
  catalogue: Track[];
  onChange: (trackIds: string[]) => void;
  saving: boolean;
  error: unknown;
}) {
  const [adding, setAdding] = useState('');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = tracks.map((t) => t.id ?? '');
  const available = catalogue.filter((t) => t.id && !ids.includes(t.id));
  const move = (from: number, to: number) => onChange(arrayMove(ids, from, to));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  const selected = adding || available[0]?.id || '';

  return (
    <Card aria-labelledby="running-order-heading">
      <h2 id="running-order-heading" className="mb-3 text-lg font-semibold">
        Running order
      </h2>
      <ProblemAlert error={error} className="mb-3" />
      {tracks.length === 0 ? (
        <p className="mb-3 text-zinc-600 dark:text-zinc-300">No tracks on this album yet. Add them below in the order they play.</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements: {
              onDragStart: ({ active }) => `Picked up ${titleOf(tracks, active.id)}.`,
              onDragOver: ({ active, over }) =>
                over ? `${titleOf(tracks, active.id)} is over position ${ids.indexOf(String(over.id)) + 1}.` : undefined,
              onDragEnd: ({ active, over }) =>
                over ? `${titleOf(tracks, active.id)} dropped at position ${ids.indexOf(String(over.id)) + 1}.` : undefined,
              onDragCancel: ({ active }) => `Reordering ${titleOf(tracks, active.id)} was cancelled.`,
            },
          }}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <ol aria-label="Tracks in running order" className="mb-4 flex flex-col gap-2">
              {tracks.map((track, index) => (
                <Row
                  key={track.id}
                  track={track}
                  index={index}
                  count={tracks.length}
                  onMove={move}
                  onRemove={(id) => onChange(ids.filter((x) => x !== id))}
                  disabled={saving}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      {available.length > 0 ? (
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            if (selected) {
              onChange([...ids, selected]);
              setAdding('');
            }
          }}
        >
          <SelectField
            label="Track to add"
            className="flex-1"
            value={selected}
            onChange={(e) => setAdding(e.target.value)}
            options={available.map((t) => ({ value: t.id ?? '', label: t.title || 'Untitled' }))}
          />
          <Button type="submit" variant="secondary" busy={saving}>
            Add to album
          </Button>
        </form>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">Every track of your catalogue is on this album.</p>
      )}
    </Card>
  );
}

function titleOf(tracks: AlbumTrack[], id: string | number): string {
  return tracks.find((t) => t.id === String(id))?.title || 'the track';
}
