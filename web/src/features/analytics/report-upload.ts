import { postFile } from '@/lib/upload/xhr-upload';
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
 * Sends a store or distributor report to POST /api/v1/analytics/imports as multipart (`file`), with its upload
 * progress. The platform answers once the whole file is imported (201) or refused (422 with the line, 409 for a
 * file seen before): nothing is kept half.
 */
export async function uploadReport(file: File, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<ReportImport> {
  return (await postFile('/api/v1/analytics/imports', file, onProgress, signal, () => new ImportCancelled())) as ReportImport;
}
