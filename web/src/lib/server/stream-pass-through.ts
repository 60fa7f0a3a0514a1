/**
 * Server-sent events from the gateway, passed through this app's server without compression.
 *
 * Under `./platform up` (and `next start`) the app's server passes /api/* to the gateway with a rewrite, and
 * compresses what it passes when the browser accepts gzip: an event stream then sits in the compressor until a
 * block fills, and the page hears nothing for minutes. A route handler is matched before the rewrite; it sends
 * the same request on and answers the stream with `Cache-Control: no-transform`, which the server's compression
 * leaves alone (ADR 48). Behind nginx (compose) /api never reaches this app.
 */

const gateway = (process.env.NAL_GATEWAY_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');

/**
 * What the gateway needs of the browser's request: the session, the resume point of a stream, the Origin its
 * CSRF check reads on a POST, and who asks.
 */
const FORWARDED = [
  'accept',
  'authorization',
  'content-type',
  'cookie',
  'last-event-id',
  'origin',
  'referer',
  'user-agent',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-proto',
];

/** What the browser may see of the gateway's answer; never its cookies. */
const ANSWERED = ['content-type', 'location', 'x-request-id', 'retry-after'];

/**
 * Sends the browser's request on to the same path at the gateway and answers with the gateway's stream.
 * @param request the browser's request
 * @param path the gateway's path, already encoded, without the query (the request's own is kept)
 * @returns the gateway's answer as it comes, or a 502 problem when the gateway cannot be reached
 */
export async function passStream(request: Request, path: string): Promise<Response> {
  const headers = new Headers();
  for (const name of FORWARDED) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${gateway}${path}${new URL(request.url).search}`, {
      method: request.method,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text(),
      cache: 'no-store',
      // The browser leaving ends the request to the gateway too.
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
  for (const name of ANSWERED) {
    const value = upstream.headers.get(name);
    if (value !== null) answer.set(name, value);
  }
  answer.set('Cache-Control', 'no-cache, no-transform');
  answer.set('X-Accel-Buffering', 'no');
  return new Response(upstream.body, { status: upstream.status, headers: answer });
}
