import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithClient } from '@/test/render';
import { Unsubscribe } from './unsubscribe';

let token = 'tok_abc-123';
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(token ? { token } : {}) }));

interface Seen {
  method: string;
  url: string;
  contentType: string | null;
  body: string;
  credentials: RequestCredentials | undefined;
}

function stubUnsubscribe(answer: (seen: Seen) => Response) {
  const seen: Seen[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const call = {
        method: init?.method ?? 'GET',
        url: String(input),
        contentType: new Headers(init?.headers).get('Content-Type'),
        body: typeof init?.body === 'string' ? init.body : '',
        credentials: init?.credentials,
      };
      seen.push(call);
      return answer(call);
    }),
  );
  return seen;
}

const RELEASES = { category: 'RELEASE_STATUS', categoryTitle: 'Releases', mail: true };

describe('the one-click unsubscribe page', () => {
  beforeEach(() => {
    token = 'tok_abc-123';
  });

  it('shows what the link turns off, changes nothing until asked, then turns it off with the one-click body', async () => {
    const seen = stubUnsubscribe((call) =>
      Response.json(call.method === 'POST' ? { ...RELEASES, mail: false } : RELEASES),
    );
    renderWithClient(<Unsubscribe />);
    expect(await screen.findByText(/This turns off mail about/)).toHaveTextContent('releases');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/v1/notifications/unsubscribe?token=tok_abc-123', credentials: 'omit' });

    await userEvent.click(screen.getByRole('button', { name: 'Stop mail about releases' }));
    expect(await screen.findByText('Unsubscribed')).toBeInTheDocument();
    expect(screen.getByText(/You will get no more mail about releases\./)).toBeInTheDocument();
    expect(seen[1]).toMatchObject({
      method: 'POST',
      url: '/api/v1/notifications/unsubscribe?token=tok_abc-123',
      contentType: 'application/x-www-form-urlencoded',
      body: 'List-Unsubscribe=One-Click',
    });
  });

  it('says so when mail is already off, and offers no button', async () => {
    stubUnsubscribe(() => Response.json({ ...RELEASES, mail: false }));
    renderWithClient(<Unsubscribe />);
    expect(await screen.findByText('Mail about releases is already off for this address.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it("shows the platform's sentence for an unknown link", async () => {
    stubUnsubscribe(() =>
      Response.json(
        { status: 404, code: 'notification.unsubscribe_token_unknown', detail: 'This unsubscribe link is not valid' },
        { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    renderWithClient(<Unsubscribe />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This unsubscribe link is not valid.');
  });

  it('asks for the link from the mail when the token is missing, without calling anyone', async () => {
    token = '';
    const seen = stubUnsubscribe(() => Response.json(RELEASES));
    renderWithClient(<Unsubscribe />);
    expect(screen.getByRole('alert')).toHaveTextContent('This link has no unsubscribe token.');
    expect(seen).toHaveLength(0);
  });
});
