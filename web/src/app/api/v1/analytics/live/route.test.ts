import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET } from './route';

afterEach(() => vi.unstubAllGlobals());

describe("the live plays' pass-through to the gateway", () => {
  it('sends the GET on with the session and the resume point, and answers the stream uncompressed', async () => {
    const sent: Request[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        sent.push(new Request(url, init));
        return new Response('event:play\ndata:{"trackId":"t-1"}\n\n', {
          status: 200,
          headers: { 'Content-Type': 'text/event-stream', 'Set-Cookie': 'x=y' },
        });
      }),
    );

    const response = await GET(
      new Request('http://127.0.0.1:3000/api/v1/analytics/live', {
        headers: { Accept: 'text/event-stream', Cookie: 'nal_at=abc', 'Last-Event-ID': '7', 'X-Unrelated': 'no' },
      }),
    );

    expect(sent[0]?.url).toBe('http://127.0.0.1:3001/api/v1/analytics/live');
    expect(sent[0]?.method).toBe('GET');
    expect(sent[0]?.headers.get('cookie')).toBe('nal_at=abc');
    expect(sent[0]?.headers.get('last-event-id')).toBe('7');
    expect(sent[0]?.headers.get('x-unrelated')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toBe('event:play\ndata:{"trackId":"t-1"}\n\n');
  });
});
