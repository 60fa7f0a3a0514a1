import { refreshSession } from '@/lib/api/client';
import { ApiProblem, networkProblem, problemFrom } from '@/lib/api/problem';
import type { Track } from '@/lib/api/types';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export class UploadCancelled extends Error {
  constructor() {
    super('The upload was cancelled.');
    this.name = 'UploadCancelled';
  }
}

/**
 * Sends one audio file to POST /api/v1/tracks. XMLHttpRequest rather than fetch: only XHR reports upload
 * progress in every browser. The platform answers 202 with the track, which is then being processed.
 */
export async function uploadTrack(
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<Track> {
  const first = await send(file, onProgress, signal);
  if (first.status === 401 && (await refreshSession())) {
    onProgress({ loaded: 0, total: file.size });
    return outcome(await send(file, onProgress, signal));
  }
  return outcome(first);
}

interface Answer {
  status: number;
  body: unknown;
}

function outcome({ status, body }: Answer): Track {
  if (status >= 200 && status < 300) return body as Track;
  throw problemFrom(status, body);
}

function send(file: File, onProgress: (progress: UploadProgress) => void, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new UploadCancelled());
      return;
    }
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    signal.addEventListener('abort', abort, { once: true });
    xhr.open('POST', '/api/v1/tracks');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onload = () => {
      signal.removeEventListener('abort', abort);
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => {
      signal.removeEventListener('abort', abort);
      reject(networkProblem());
    };
    xhr.onabort = () => {
      signal.removeEventListener('abort', abort);
      reject(new UploadCancelled());
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function describeUploadError(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail;
  if (error instanceof UploadCancelled) return error.message;
  return networkProblem().detail;
}
