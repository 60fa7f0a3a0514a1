import { passStream } from '@/lib/server/stream-pass-through';

/** A question to ai-service, its answer streamed uncompressed under `./platform up` (stream-pass-through, ADR 48). */
export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return passStream(request, `/api/v1/ai/threads/${encodeURIComponent(id)}/messages`);
}
