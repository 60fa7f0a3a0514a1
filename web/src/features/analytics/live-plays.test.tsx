import { act, render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { LivePlays } from './live-plays';

/** The browser's EventSource, driven by the test: open, a named event, a break. */
class FakeEventSource {
  static CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  listeners = new Map<string, (event: MessageEvent<string>) => void>();
  closed = false;
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

describe('live plays', () => {
  it("shows each play as it arrives, by the track's title, and counts them", async () => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    const { unmount } = render(<LivePlays titles={new Map([['t1', 'Night Drive']])} />);
    const source = FakeEventSource.opened[0]!;
    expect(source.url).toBe('/api/v1/analytics/live');
    expect(source.init?.withCredentials).toBe(true);
    expect(screen.getByText('Connecting…')).toBeInTheDocument();

    act(() => source.onopen?.());
    expect(screen.getByText('0 plays since you opened this page.')).toBeInTheDocument();
    act(() => source.emit('play', { ownerId: 'o', trackId: 't1', playedAt: '2026-12-07T10:00:00Z' }));
    act(() => source.emit('play', { ownerId: 'o', trackId: 'other', playedAt: '2026-12-07T10:00:01Z' }));
    expect(screen.getByText('2 plays since you opened this page.')).toBeInTheDocument();
    const items = screen.getByRole('list', { name: 'Latest plays' }).querySelectorAll('li');
    expect(items[0]).toHaveTextContent('A track');
    expect(items[1]).toHaveTextContent('Night Drive');

    unmount();
    expect(source.closed).toBe(true);
  });

  it('opens the stream again once the session is renewed after it was closed', async () => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    render(<LivePlays titles={new Map()} />);
    const first = FakeEventSource.opened[0]!;
    first.readyState = FakeEventSource.CLOSED;
    act(() => first.onerror?.());
    await vi.waitFor(() => expect(FakeEventSource.opened).toHaveLength(2));
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toContain('/api/v1/auth/refresh');
  });
});
