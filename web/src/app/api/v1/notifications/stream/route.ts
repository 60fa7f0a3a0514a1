import { passStream } from '@/lib/server/stream-pass-through';

/** notification-service's live stream, uncompressed under `./platform up` (see stream-pass-through, ADR 48). */
export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return passStream(request, '/api/v1/notifications/stream');
}
