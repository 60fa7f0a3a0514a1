import { refreshSession } from '@/lib/api/client';
import { networkProblem, problemFrom } from '@/lib/api/problem';
import type { ReportImport } from '@/lib/queries/analytics';

export interface Progress {
  loaded: number;
  total: number;
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ImportCancelled';
  }
}

/**
 * Sends a store or distributor report to POST /api/v1/analytics/imports as multipart (`file`), with
 * XMLHttpRequest because only it reports upload progress. The platform answers once the whole file is
 * imported (201) or refused (422 with the line, 409 for a file seen before): nothing is kept half.
 */
export async function uploadReport(file: File, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<ReportImport> {
  let answer = await send(file, onProgress, signal);
  if (answer.status === 401 && (await refreshSession())) {
    onProgress({ loaded: 0, total: file.size });
    answer = await send(file, onProgress, signal);
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body as ReportImport;
  throw problemFrom(answer.status, answer.body);
}

function send(file: File, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new ImportCancelled());
      return;
    }
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    signal.addEventListener('abort', abort, { once: true });
    xhr.open('POST', '/api/v1/analytics/imports');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      signal.removeEventListener('abort', abort);
      let body: unknown;
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
      reject(new ImportCancelled());
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
