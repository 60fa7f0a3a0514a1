/**
 * A question to ai-service, whose answer streams back as server-sent events, passed through this app's server
 * without compression: the same reason and the same remedy as the notification stream's route (ADR 48). Under
 * `./platform up` the rewrite to the gateway would gzip `text/event-stream` and hold the answer's pieces until
 * a block fills; this handler, matched before the rewrite, sends the POST on and answers with
 * `Cache-Control: no-transform`. Behind nginx (compose) /api never reaches this app.
 */

export const dynamic = 'force-dynamic';

const gateway = (process.env.NAL_GATEWAY_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');

/** What the gateway needs of the browser's request: the session, the Origin its CSRF check reads, who asks. */
const FORWARDED = [
  'accept',
  'authorization',
  'content-type',
  'cookie',
  'origin',
  'referer',
  'user-agent',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-proto',
];

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const headers = new Headers();
  for (const name of FORWARDED) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${gateway}/api/v1/ai/threads/${encodeURIComponent(id)}/messages`, {
      method: 'POST',
      headers,
      body: await request.text(),
      cache: 'no-store',
      // The artist leaving ends the request to the gateway too.
      signal: request.signal,
    });
  } catch {
    return Response.json(
      {
        type: 'about:blank',
        title: 'Bad Gateway',
        status: 502,
        detail: 'The platform could not be reached. Try again in a moment.',
        code: 'server.bad_gateway',
      },
      { status: 502, headers: { 'Content-Type': 'application/problem+json' } },
    );
  }
  const answer = new Headers();
  for (const name of ['content-type', 'location', 'x-request-id', 'retry-after']) {
    const value = upstream.headers.get(name);
    if (value !== null) answer.set(name, value);
  }
  answer.set('Cache-Control', 'no-cache, no-transform');
  answer.set('X-Accel-Buffering', 'no');
  return new Response(upstream.body, { status: upstream.status, headers: answer });
}
