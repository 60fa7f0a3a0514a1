import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { Preferences } from './preferences';

vi.mock('next/navigation', () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));
vi.mock('./push-opt-in', () => ({ PushOptIn: () => null }));

const CATEGORIES = {
  TRACK_PROCESSING: { inbox: true, push: true, mail: false, locked: false },
  RELEASE_STATUS: { inbox: true, push: true, mail: true, locked: false },
  SECURITY: { inbox: true, push: true, mail: true, locked: true },
};

describe('notification preferences', () => {
  it('sends every switchable category with its channels, never the locked one', async () => {
    const calls = stubFetch((call) =>
      call.method === 'PUT'
        ? json(200, { categories: { ...CATEGORIES, ...(call.body as object) } })
        : json(200, { categories: CATEGORIES }),
    );
    renderWithClient(<Preferences />);
    const releasesByMail = await screen.findByRole('checkbox', { name: 'Releases by mail' });
    expect(screen.getByRole('checkbox', { name: 'Account and security by mail' })).toBeDisabled();
    expect(screen.getByText('Always on: account and security notices cannot be turned off.')).toBeInTheDocument();

    await userEvent.click(releasesByMail);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Track processing by push' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save preferences' }));

    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe('/api/v1/notifications/preferences');
    expect(put?.body).toEqual({
      TRACK_PROCESSING: { inbox: true, push: false, mail: false },
      RELEASE_STATUS: { inbox: true, push: true, mail: false },
    });
    expect(screen.getByRole('checkbox', { name: 'Releases by mail' })).not.toBeChecked();
  });

  it("shows the platform's refusal", async () => {
    stubFetch((call) =>
      call.method === 'PUT'
        ? problem(400, { status: 400, code: 'request.invalid', detail: 'Security notices cannot be turned off.' })
        : json(200, { categories: CATEGORIES }),
    );
    renderWithClient(<Preferences />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Security notices cannot be turned off.');
  });
});
