import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { ThreadList } from './thread-list';
import { ThreadView } from './thread-view';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: vi.fn(), replace: vi.fn() }) }));

const THREAD = 'c0ffee00-0000-4000-8000-000000000001';
const EMPTY = { id: THREAD, title: 'Loudness', createdAt: '2026-12-07T00:00:00Z', updatedAt: '2026-12-07T00:00:00Z', messages: [] };
const QUESTION = { id: 'm1', role: 'user', content: 'How loud is my tone?', factIds: [], ungroundedRemoved: false, createdAt: '2026-12-07T00:01:00Z' };
const ANSWER = {
  id: 'm2',
  role: 'assistant',
  content: 'Your tone measures -23 LUFS.',
  factIds: ['track:t1:integrated_lufs'],
  ungroundedRemoved: true,
  createdAt: '2026-12-07T00:01:05Z',
};
const FACTS = {
  facts: [{ id: 'track:t1:integrated_lufs', label: 'Integrated loudness of "journey-tone"', value: '-23 LUFS', number: -23, unit: 'LUFS' }],
  platformFacts: [],
};

/** A body the test feeds piece by piece, as the network would. */
function controlledStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return { body, send: (text: string) => controller.enqueue(encoder.encode(text)), close: () => controller.close() };
}

describe('a conversation', () => {
  it('streams the answer in as it is written, starts again on a retry, then shows the stored answer with its facts and flag', async () => {
    const stream = controlledStream();
    let answered = false;
    const calls = stubFetch((call) => {
      if (call.path === '/api/v1/ai/facts') return json(200, FACTS);
      if (call.path === `/api/v1/ai/threads/${THREAD}` && call.method === 'GET') {
        return json(200, answered ? { ...EMPTY, messages: [QUESTION, ANSWER] } : EMPTY);
      }
      if (call.path === `/api/v1/ai/threads/${THREAD}/messages`) {
        return new Response(stream.body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
      }
      return json(404, {});
    });
    const user = userEvent.setup();
    renderWithClient(<ThreadView id={THREAD} />);
    await user.type(await screen.findByLabelText('Your question'), 'How loud is my tone?');
    await user.click(screen.getByRole('button', { name: 'Ask' }));

    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers.get('Accept')).toBe('text/event-stream');
    expect(post?.body).toEqual({ content: 'How loud is my tone?' });

    stream.send('event:delta\ndata:{"text":"Your tone has 12"}\n\nevent:del');
    expect(await screen.findByText('Your tone has 12')).toBeVisible();
    stream.send('ta\ndata:{"text":" million streams."}\n\n');
    expect(await screen.findByText('Your tone has 12 million streams.')).toBeVisible();
    stream.send('event:retry\ndata:{"unknownNumbers":["12 million"]}\n\nevent:delta\ndata:{"text":"Your tone measures"}\n\n');
    expect(await screen.findByText(/not among your facts \(12 million\): it is being written again/)).toBeVisible();
    expect(screen.getByTestId('streaming-answer')).toHaveTextContent(/^Your tone measures$/);

    answered = true;
    stream.send(`event:done\ndata:${JSON.stringify(ANSWER)}\n\n`);
    stream.close();
    const messages = await screen.findByRole('list', { name: 'Messages' });
    expect(await within(messages).findByText('Your tone measures -23 LUFS.')).toBeVisible();
    expect(screen.queryByTestId('streaming-answer')).toBeNull();
    expect(within(messages).getByText(/A sentence citing a number not among your facts was removed/)).toBeVisible();
    expect(within(messages).getByRole('list', { name: 'Facts cited' })).toHaveTextContent('Integrated loudness of "journey-tone": -23 LUFS');
    expect(screen.getByLabelText('Your question')).toHaveValue('');
  });

  it("shows an error event's sentence and keeps the question to send again", async () => {
    stubFetch((call) => {
      if (call.path === '/api/v1/ai/facts') return json(200, FACTS);
      if (call.method === 'GET') return json(200, EMPTY);
      const body = 'event:error\ndata:{"status":503,"code":"ai.provider_unavailable","title":"x","detail":"The AI provider did not answer; try again in a minute"}\n\n';
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    });
    renderWithClient(<ThreadView id={THREAD} />);
    await userEvent.type(await screen.findByLabelText('Your question'), 'And now?');
    await userEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The AI provider did not answer; try again in a minute.');
    expect(screen.getByLabelText('Your question')).toHaveValue('And now?');
  });

  it('shows the 503 sentence in place of the question box when no model is configured', async () => {
    stubFetch((call) => {
      if (call.path === '/api/v1/ai/facts') return json(200, FACTS);
      if (call.method === 'GET') return json(200, EMPTY);
      return problem(503, { code: 'ai.provider_not_configured', detail: 'Writing needs a model: set AI_PROVIDER=openai' });
    });
    renderWithClient(<ThreadView id={THREAD} />);
    await userEvent.type(await screen.findByLabelText('Your question'), 'Hello?');
    await userEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect(await screen.findByText('Writing needs a model: set AI_PROVIDER=openai.')).toBeVisible();
    expect(screen.queryByLabelText('Your question')).toBeNull();
  });
});

describe('the conversations', () => {
  it('lists them, and shows the 503 sentence where the start form was when no model is configured', async () => {
    stubFetch((call) => {
      if (call.method === 'GET') return json(200, { items: [{ ...EMPTY, messages: undefined }], page: 0, size: 50, totalItems: 1 });
      return problem(503, { code: 'ai.provider_not_configured', detail: 'Writing needs a model: set AI_PROVIDER=openai' });
    });
    renderWithClient(<ThreadList />);
    expect(await screen.findByRole('link', { name: /Loudness/ })).toHaveAttribute('href', `/ai/threads/${THREAD}`);
    await userEvent.click(screen.getByRole('button', { name: 'Start a conversation' }));
    expect(await screen.findByText('Writing needs a model: set AI_PROVIDER=openai.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Start a conversation' })).toBeNull();
  });

  it('says there are none yet', async () => {
    stubFetch(() => json(200, { items: [], page: 0, size: 50, totalItems: 0 }));
    renderWithClient(<ThreadList />);
    expect(await screen.findByText('No conversations yet')).toBeVisible();
  });
});
