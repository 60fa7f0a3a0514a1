import { describe, expect, it } from 'vitest';
import { readServerSentEvents, type ServerSentEvent } from './sse';

function streamOf(pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
}

async function read(pieces: (string | Uint8Array)[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  await readServerSentEvents(streamOf(pieces), (e) => events.push(e));
  return events.map(({ event, data }) => ({ event, data }));
}

describe('the server-sent event reader', () => {
  it("reads Spring's frames (no space after the colon) as they come", async () => {
    expect(
      await read(['event:delta\ndata:{"text":"Your"}\n\nevent:delta\ndata:{"text":" track"}\n\n', 'event:done\ndata:{"content":"Your track"}\n\n']),
    ).toEqual([
      { event: 'delta', data: '{"text":"Your"}' },
      { event: 'delta', data: '{"text":" track"}' },
      { event: 'done', data: '{"content":"Your track"}' },
    ]);
  });

  it('puts back together a frame split across reads anywhere, even inside its field name and its blank line', async () => {
    const frame = 'event: delta\ndata: {"text":"Spotify will turn it up 9 dB."}\n\n';
    for (let cut = 1; cut < frame.length; cut++) {
      expect(await read([frame.slice(0, cut), frame.slice(cut)])).toEqual([
        { event: 'delta', data: '{"text":"Spotify will turn it up 9 dB."}' },
      ]);
    }
  });

  it('treats CRLF as one line end even when the CR and the LF come in different reads', async () => {
    expect(await read(['event:retry\r', '\ndata:{"unknownNumbers":["12"]}\r\n\r', '\n'])).toEqual([
      { event: 'retry', data: '{"unknownNumbers":["12"]}' },
    ]);
  });

  it('joins several data lines, ignores comments, and names an unnamed event "message"', async () => {
    expect(await read([': keep-alive\n\ndata:one\ndata: two\n\n'])).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('keeps a character whose bytes are split across reads whole', async () => {
    const bytes = new TextEncoder().encode('event:delta\ndata:{"text":"−14 LUFS"}\n\n');
    const split = bytes.indexOf(0xe2) + 1;
    expect(await read([bytes.slice(0, split), bytes.slice(split)])).toEqual([{ event: 'delta', data: '{"text":"−14 LUFS"}' }]);
  });

  it('drops an event the stream ended before closing', async () => {
    expect(await read(['event:delta\ndata:{"text":"a"}\n\nevent:done\ndata:{"content"'])).toEqual([
      { event: 'delta', data: '{"text":"a"}' },
    ]);
  });
});
