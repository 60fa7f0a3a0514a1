import { passStream } from '@/lib/server/stream-pass-through';

/** analytics-service's live plays, uncompressed under `./platform up` (see stream-pass-through, ADR 48). */
export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return passStream(request, '/api/v1/analytics/live');
}
