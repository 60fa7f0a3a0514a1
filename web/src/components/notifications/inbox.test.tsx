import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderWithClient, stubFetch, type RecordedCall } from '@/test/render';
import { Inbox } from './inbox';

vi.mock('next/navigation', () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

const PROCESSED = {
  id: 'n-1',
  category: 'TRACK_PROCESSING',
  title: 'Your track is processed',
  body: 'Your track was analysed and is ready to be released.',
  link: '/tracks/t-1',
  occurredAt: '2026-12-06T23:59:38Z',
  read: false,
};
const PAID = { ...PROCESSED, id: 'n-2', category: 'PAYOUT', title: 'A payout arrived', link: '//evil.example/steal', read: true };

function platform(unread: number) {
  return (call: RecordedCall) => {
    if (call.path === '/api/v1/notifications/unread-count') return json(200, { unread });
    if (call.method === 'POST') return new Response(null, { status: 204 });
    return json(200, { items: [PROCESSED, PAID], page: 0, size: 20, totalItems: 2 });
  };
}

describe('the inbox', () => {
  it('lists notifications with their kind, links them into the app only, and marks one read', async () => {
    const calls = stubFetch(platform(1));
    renderWithClient(<Inbox />);
    const list = await screen.findByRole('list', { name: 'Your notifications' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first).toHaveTextContent('Track processing');
    expect(first).toHaveTextContent('Unread');
    expect(within(first!).getByRole('link', { name: 'Your track is processed' })).toHaveAttribute('href', '/tracks/t-1');
    // A link that is not a path of this app never leaves it.
    expect(within(second!).getByRole('link', { name: 'A payout arrived' })).toHaveAttribute('href', '/notifications');
    expect(within(second!).queryByRole('button')).not.toBeInTheDocument();

    await userEvent.click(within(first!).getByRole('button', { name: 'Mark “Your track is processed” as read' }));
    expect(calls.some((call) => call.method === 'POST' && call.path === '/api/v1/notifications/n-1/read')).toBe(true);
  });

  it('filters to the unread ones, and marks all read', async () => {
    const calls = stubFetch(platform(3));
    renderWithClient(<Inbox />);
    await userEvent.click(await screen.findByRole('button', { name: 'Unread (3)' }));
    expect(screen.getByRole('button', { name: 'Unread (3)' })).toHaveAttribute('aria-pressed', 'true');
    await screen.findByRole('list', { name: 'Your notifications' });
    const asked = vi.mocked(fetch).mock.calls.map(([input]) => new URL((input as Request).url));
    expect(asked.some((url) => url.pathname === '/api/v1/notifications' && url.searchParams.get('unread') === 'true')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(calls.some((call) => call.method === 'POST' && call.path === '/api/v1/notifications/read-all')).toBe(true);
  });

  it('says when there is nothing yet', async () => {
    stubFetch((call) =>
      call.path.endsWith('unread-count') ? json(200, { unread: 0 }) : json(200, { items: [], page: 0, size: 20, totalItems: 0 }),
    );
    renderWithClient(<Inbox />);
    expect(await screen.findByText('No notifications yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
  });
});
