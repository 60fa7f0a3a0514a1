import type { Track } from '@/lib/api/types';
import { ApiProblem } from '@/lib/api/problem';
import { createUploadStore, PARALLEL_UPLOADS, type Uploader } from './upload-store';
import { UploadCancelled, type UploadProgress } from './xhr-upload';

interface Pending {
  file: File;
  progress: (p: UploadProgress) => void;
  resolve: (track: Track) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal;
}

/** An uploader the test drives by hand: each call waits until the test settles it. */
function manualUploader() {
  const pending: Pending[] = [];
  const uploader: Uploader = (file, progress, signal) =>
    new Promise<Track>((resolve, reject) => {
      pending.push({ file, progress, resolve, reject, signal });
      signal.addEventListener('abort', () => reject(new UploadCancelled()));
    });
  return { uploader, pending };
}

const file = (name: string, size = 1000) => new File([new Uint8Array(size)], name, { type: 'audio/wav' });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the upload queue', () => {
  it(`sends ${PARALLEL_UPLOADS} files at a time and starts the next when one finishes`, async () => {
    const { uploader, pending } = manualUploader();
    const store = createUploadStore(uploader);
    store.getState().add([file('a.wav'), file('b.wav'), file('c.wav')]);
    expect(pending.map((p) => p.file.name)).toEqual(['a.wav', 'b.wav']);
    expect(store.getState().items.map((i) => i.status)).toEqual(['uploading', 'uploading', 'queued']);

    pending[0]!.resolve({ id: 't1', status: 'PROCESSING' });
    await flush();
    expect(store.getState().items.map((i) => i.status)).toEqual(['done', 'uploading', 'uploading']);
    expect(store.getState().completed).toBe(1);
    expect(pending.map((p) => p.file.name)).toEqual(['a.wav', 'b.wav', 'c.wav']);
  });

  it('reports the bytes sent as progress', () => {
    const { uploader, pending } = manualUploader();
    const store = createUploadStore(uploader);
    store.getState().add([file('a.wav', 2000)]);
    pending[0]!.progress({ loaded: 500, total: 2000 });
    expect(store.getState().items[0]).toMatchObject({ loaded: 500, total: 2000, status: 'uploading' });
  });

  it('cancels a running upload through its signal, and a waiting one before it starts', async () => {
    const { uploader, pending } = manualUploader();
    const store = createUploadStore(uploader);
    store.getState().add([file('a.wav'), file('b.wav'), file('c.wav')]);
    const [a, , c] = store.getState().items;
    store.getState().cancel(c!.id);
    store.getState().cancel(a!.id);
    expect(pending[0]!.signal.aborted).toBe(true);
    await flush();
    expect(store.getState().items.map((i) => i.status)).toEqual(['cancelled', 'uploading', 'cancelled']);
    expect(pending).toHaveLength(2);
  });

  it("shows the platform's reason when it refuses a file, and tries again on request", async () => {
    const { uploader, pending } = manualUploader();
    const store = createUploadStore(uploader);
    store.getState().add([file('notes.txt')]);
    pending[0]!.reject(new ApiProblem(415, { detail: 'This file is not audio that can be read.' }));
    await flush();
    expect(store.getState().items[0]).toMatchObject({ status: 'failed', error: 'This file is not audio that can be read.' });

    store.getState().retry(store.getState().items[0]!.id);
    expect(store.getState().items[0]!.status).toBe('uploading');
    expect(pending).toHaveLength(2);
  });

  it('clears finished uploads but keeps the running ones', async () => {
    const { uploader, pending } = manualUploader();
    const store = createUploadStore(uploader);
    store.getState().add([file('a.wav'), file('b.wav')]);
    pending[0]!.resolve({ id: 't1' });
    await flush();
    store.getState().clearFinished();
    expect(store.getState().items.map((i) => i.file.name)).toEqual(['b.wav']);
  });
});
