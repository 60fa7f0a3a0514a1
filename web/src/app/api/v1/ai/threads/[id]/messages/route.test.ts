import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST } from './route';

afterEach(() => vi.unstubAllGlobals());

describe("the question's pass-through to the gateway", () => {
  it('sends the POST on with the session and the Origin, and answers the stream as it comes, uncompressed', async () => {
    const sent: Request[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        sent.push(new Request(url, init));
        return new Response('event:delta\ndata:{"text":"Hi"}\n\n', {
          status: 200,
          headers: { 'Content-Type': 'text/event-stream', 'Content-Encoding': 'identity', 'Set-Cookie': 'x=y' },
        });
      }),
    );
    const request = new Request('http://127.0.0.1:3000/api/v1/ai/threads/t-1/messages', {
      method: 'POST',
      headers: {
        Accept: 'text/event-stream',
        'Content-Type': 'application/json',
        Cookie: 'nal_access=abc',
        Origin: 'http://127.0.0.1:3000',
        'X-Unrelated': 'no',
      },
      body: JSON.stringify({ content: 'How loud?' }),
    });
    const response = await POST(request, { params: Promise.resolve({ id: 't-1' }) });

    expect(sent[0]?.url).toBe('http://127.0.0.1:3001/api/v1/ai/threads/t-1/messages');
    expect(sent[0]?.method).toBe('POST');
    expect(await sent[0]?.text()).toBe('{"content":"How loud?"}');
    expect(sent[0]?.headers.get('cookie')).toBe('nal_access=abc');
    expect(sent[0]?.headers.get('origin')).toBe('http://127.0.0.1:3000');
    expect(sent[0]?.headers.get('accept')).toBe('text/event-stream');
    expect(sent[0]?.headers.get('x-unrelated')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toBe('event:delta\ndata:{"text":"Hi"}\n\n');
  });

  it("passes a refusal through as it is, and answers a 502 problem when the gateway can't be reached", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ code: 'ai.provider_not_configured' }, { status: 503 })));
    const ask = () =>
      POST(new Request('http://127.0.0.1:3000/api/v1/ai/threads/t-1/messages', { method: 'POST', body: '{}' }), {
        params: Promise.resolve({ id: 't-1' }),
      });
    expect((await ask()).status).toBe(503);

    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('connect ECONNREFUSED'))));
    const refused = await ask();
    expect(refused.status).toBe(502);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.text()).not.toContain('ECONNREFUSED');
  });
});
