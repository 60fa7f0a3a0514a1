import { createParser } from 'eventsource-parser';

/**
 * Server-sent events read from a fetch body. EventSource only makes GET requests, and a question is a POST,
 * so the body is read as a stream and parsed by eventsource-parser, which follows the HTML standard's event
 * stream format (LF, CR or CRLF line ends, `data:` lines joined, comments, a blank line dispatching). Bytes
 * arrive in arbitrary pieces: a frame, a line or a multi-byte character may be split across reads.
 */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/** Reads the whole stream, calling `onEvent` for each event as it completes. */
export async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ServerSentEvent) => void,
): Promise<void> {
  const parser = createParser({
    onEvent: (message) => onEvent({ event: message.event ?? 'message', data: message.data, id: message.id }),
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
    // An event the stream ended before closing with its blank line is incomplete: dropped, as the standard says.
    parser.reset();
  } finally {
    reader.releaseLock();
  }
}
