import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Track } from '@/lib/api/types';
import { describeUploadError, UploadCancelled, uploadTrack, type UploadProgress } from './xhr-upload';

export type UploadStatus = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  id: string;
  file: File;
  loaded: number;
  total: number;
  status: UploadStatus;
  error?: string;
  track?: Track;
}

export interface UploadState {
  items: UploadItem[];
  /** Counts the uploads that finished, so the track list knows when to look again. */
  completed: number;
  add: (files: Iterable<File>) => void;
  cancel: (id: string) => void;
  retry: (id: string) => void;
  dismiss: (id: string) => void;
  clearFinished: () => void;
}

export type Uploader = (file: File, onProgress: (p: UploadProgress) => void, signal: AbortSignal) => Promise<Track>;

/** Files sent at once: enough to keep the line busy, few enough that each bar moves. */
export const PARALLEL_UPLOADS = 2;

let sequence = 0;

/**
 * The upload queue: files wait, are sent {@link PARALLEL_UPLOADS} at a time, and can be cancelled while
 * waiting or sending. It lives outside any component, so an upload carries on while the artist moves
 * between pages of the app.
 */
export function createUploadStore(uploader: Uploader = uploadTrack): StoreApi<UploadState> {
  const controllers = new Map<string, AbortController>();

  const store = createStore<UploadState>()((set, get) => {
    const patch = (id: string, change: Partial<UploadItem>) =>
      set((state) => ({ items: state.items.map((item) => (item.id === id ? { ...item, ...change } : item)) }));

    const pump = () => {
      const { items } = get();
      let running = items.filter((item) => item.status === 'uploading').length;
      for (const item of items) {
        if (running >= PARALLEL_UPLOADS) break;
        if (item.status !== 'queued') continue;
        running += 1;
        start(item);
      }
    };

    const start = (item: UploadItem) => {
      const controller = new AbortController();
      controllers.set(item.id, controller);
      patch(item.id, { status: 'uploading', loaded: 0, error: undefined });
      uploader(
        item.file,
        ({ loaded, total }) => patch(item.id, { loaded, total: total || item.total }),
        controller.signal,
      )
        .then((track) => {
          patch(item.id, { status: 'done', loaded: item.total, track });
          set((state) => ({ completed: state.completed + 1 }));
        })
        .catch((error: unknown) => {
          if (error instanceof UploadCancelled) patch(item.id, { status: 'cancelled', error: undefined });
          else patch(item.id, { status: 'failed', error: describeUploadError(error) });
        })
        .finally(() => {
          controllers.delete(item.id);
          pump();
        });
    };

    return {
      items: [],
      completed: 0,
      add: (files) => {
        const added: UploadItem[] = Array.from(files, (file) => ({
          id: `upload-${(sequence += 1)}`,
          file,
          loaded: 0,
          total: file.size,
          status: 'queued',
        }));
        if (added.length === 0) return;
        set((state) => ({ items: [...state.items, ...added] }));
        pump();
      },
      cancel: (id) => {
        const item = get().items.find((i) => i.id === id);
        if (!item) return;
        if (item.status === 'queued') patch(id, { status: 'cancelled' });
        else if (item.status === 'uploading') controllers.get(id)?.abort();
      },
      retry: (id) => {
        const item = get().items.find((i) => i.id === id);
        if (item && (item.status === 'failed' || item.status === 'cancelled')) {
          patch(id, { status: 'queued', loaded: 0, error: undefined });
          pump();
        }
      },
      dismiss: (id) => set((state) => ({ items: state.items.filter((i) => i.id !== id || i.status === 'uploading') })),
      clearFinished: () =>
        set((state) => ({ items: state.items.filter((i) => i.status === 'queued' || i.status === 'uploading') })),
    };
  });
  return store;
}

export const uploadStore = createUploadStore();

export function useUploads<T>(selector: (state: UploadState) => T): T {
  return useStore(uploadStore, selector);
}
