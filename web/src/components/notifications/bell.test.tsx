import { act, screen, waitFor } from '@testing-library/react';
import { json, renderWithClient, stubFetch } from '@/test/render';
import { NotificationBell } from './bell';

vi.mock('next/navigation', () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

/** An EventSource the test drives: what the browser's would receive from notification-service. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.OPEN;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();

  constructor(readonly url: string, readonly init?: EventSourceInit) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.readyState = FakeEventSource.CLOSED;
  }

  emit(type: string, data: unknown, lastEventId = '') {
    const event = new MessageEvent(type, { data: JSON.stringify(data), lastEventId });
    act(() => this.listeners.get(type)?.forEach((listener) => listener(event)));
  }

  fail() {
    this.readyState = FakeEventSource.CLOSED;
    act(() => this.onerror?.());
  }
}

describe('the notification bell', () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });

  it('shows the unread count and follows the live stream without a reload', async () => {
    stubFetch(() => json(200, { unread: 2 }));
    renderWithClient(<NotificationBell />);
    expect(await screen.findByRole('link', { name: 'Notifications, 2 unread' }, { timeout: 5_000 })).toHaveAttribute('href', '/notifications');

    const stream = FakeEventSource.opened[0]!;
    expect(stream.url).toBe('/api/v1/notifications/stream');
    expect(stream.init).toEqual({ withCredentials: true });
    stream.emit('notification', { id: 'n-3', title: 'Your track is processed' }, '41');
    stream.emit('unread-count', { unread: 3 });
    expect(await screen.findByRole('link', { name: 'Notifications, 3 unread' }, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('New notification: Your track is processed');

    stream.emit('unread-count', { unread: 0 });
    expect(await screen.findByRole('link', { name: 'Notifications, none unread' }, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByTestId('unread-count')).toHaveClass('hidden');
  });

  it('renews the session and resumes from the last event seen when the platform closes the stream', async () => {
    const calls = stubFetch((call) => (call.path === '/api/v1/auth/refresh' ? new Response(null, { status: 204 }) : json(200, { unread: 1 })));
    renderWithClient(<NotificationBell />);
    await screen.findByRole('link', { name: 'Notifications, 1 unread' }, { timeout: 5_000 });
    const first = FakeEventSource.opened[0]!;
    first.emit('notification', { id: 'n-42', title: 'A payout arrived' }, '42');
    first.fail();

    await waitFor(() => expect(FakeEventSource.opened).toHaveLength(2), { timeout: 5_000 });
    expect(FakeEventSource.opened[1]!.url).toBe('/api/v1/notifications/stream?lastEventId=42');
    expect(calls.some((call) => call.method === 'POST' && call.path === '/api/v1/auth/refresh')).toBe(true);
  });
});
