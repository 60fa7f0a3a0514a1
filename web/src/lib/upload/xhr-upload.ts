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
 * Sends one audio file to POST /api/v1/tracks. The platform answers 202 with the track, which is then being
 * processed.
 */
export async function uploadTrack(
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<Track> {
  return (await postFile('/api/v1/tracks', file, onProgress, signal, () => new UploadCancelled())) as Track;
}

interface Answer {
  status: number;
  body: unknown;
}

/**
 * Posts a file as multipart (`file`) to one of the platform's upload routes, with XMLHttpRequest rather than
 * fetch: only XHR reports upload progress in every browser. A 401 renews the session and sends the file again.
 * @returns the 2xx answer's JSON body
 * @throws the problem the platform answered, or `cancelled()` once `signal` aborts
 */
export async function postFile(
  path: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
  cancelled: () => Error,
): Promise<unknown> {
  let answer = await send(path, file, onProgress, signal, cancelled);
  if (answer.status === 401 && (await refreshSession())) {
    onProgress({ loaded: 0, total: file.size });
    answer = await send(path, file, onProgress, signal, cancelled);
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  throw problemFrom(answer.status, answer.body);
}

function send(
  path: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
  cancelled: () => Error,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(cancelled());
      return;
    }
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    signal.addEventListener('abort', abort, { once: true });
    xhr.open('POST', path);
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
      reject(cancelled());
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
