import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { addDays, earliestReleaseDate, todayUtc } from './dates';
import { NewReleaseForm, parseTerritories } from './new-release-form';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push, replace: vi.fn() }) }));

const PLATFORMS = {
  items: [
    { name: 'store-a', displayName: 'Reference Store A', dpid: 'PADPIDA0000000001A', leadTimeDays: 7 },
    { name: 'store-b', displayName: 'Reference Store B', dpid: 'PADPIDA0000000002B', leadTimeDays: 14 },
  ],
};
const ALBUMS = { items: [{ id: 'album-1', title: 'First Light', type: 'EP', tracks: [] }], page: 0, size: 100, totalItems: 1 };

function answer(create: (body: unknown) => Response) {
  return stubFetch((call) => {
    if (call.path === '/api/v1/platforms') return json(200, PLATFORMS);
    if (call.path === '/api/v1/albums') return json(200, ALBUMS);
    if (call.path === '/api/v1/releases' && call.method === 'POST') return create(call.body);
    return json(404, {});
  });
}

describe('the new release form', () => {
  it("offers every store with its lead time, starts at the first date both allow, and sends the artist's choice", async () => {
    const calls = answer(() => json(201, { id: 'release-1', status: 'DRAFT' }));
    renderWithClient(<NewReleaseForm />);
    const stores = await screen.findByRole('group', { name: 'Stores' });
    expect(within(stores).getByRole('checkbox', { name: /Reference Store A.*7 days. lead time/ })).toBeChecked();
    expect(within(stores).getByRole('checkbox', { name: /Reference Store B.*14 days. lead time/ })).toBeChecked();
    const date = screen.getByLabelText('Release date');
    expect(date).toHaveValue(addDays(todayUtc(), 14));

    // Without store B the earliest date is store A's, and a date the artist has not touched follows it.
    await userEvent.click(within(stores).getByRole('checkbox', { name: /Reference Store B/ }));
    expect(date).toHaveAttribute('min', addDays(todayUtc(), 7));
    expect(date).toHaveValue(addDays(todayUtc(), 7));

    await userEvent.click(screen.getByRole('radio', { name: 'Only these countries' }));
    await userEvent.type(screen.getByLabelText('Country codes'), 'de, fr us');
    await userEvent.click(screen.getByRole('button', { name: 'Create release' }));

    await vi.waitFor(() => expect(push).toHaveBeenCalledWith('/releases/release-1'));
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent?.body).toEqual({
      albumId: 'album-1',
      platforms: ['store-a'],
      releaseDate: addDays(todayUtc(), 7),
      territories: ['DE', 'FR', 'US'],
    });
  });

  it('names a date inside a lead time at the field before anything is sent', async () => {
    answer(() => json(201, {}));
    renderWithClient(<NewReleaseForm />);
    const date = await screen.findByLabelText('Release date');
    await userEvent.clear(date);
    await userEvent.type(date, addDays(todayUtc(), 3));
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription(/Release date is inside a store's lead time: choose .* or later\./);
  });

  it('asks for a store when none is chosen, and sends nothing', async () => {
    const calls = answer(() => json(201, {}));
    renderWithClient(<NewReleaseForm />);
    const stores = await screen.findByRole('group', { name: 'Stores' });
    for (const box of within(stores).getAllByRole('checkbox')) await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: 'Create release' }));
    expect(await within(stores).findByText('Choose at least one store.')).toBeInTheDocument();
    expect(stores).toHaveAccessibleDescription('Choose at least one store.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it("shows the platform's refusal of a territory under the territories, and the rest in the alert", async () => {
    answer(() =>
      problem(400, {
        status: 400,
        code: 'request.invalid',
        detail: 'The request has invalid values.',
        errors: [{ field: 'territories[0]', message: 'is not an ISO 3166-1 alpha-2 country code or Worldwide' }],
      }),
    );
    renderWithClient(<NewReleaseForm />);
    await userEvent.click(await screen.findByRole('radio', { name: 'Only these countries' }));
    await userEvent.type(screen.getByLabelText('Country codes'), 'XX');
    await userEvent.click(screen.getByRole('button', { name: 'Create release' }));
    expect(await screen.findByText('Territories is not an ISO 3166-1 alpha-2 country code or Worldwide.')).toBeInTheDocument();
    expect(screen.getByLabelText('Country codes')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('The request has invalid values.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('ISO 3166');
  });
});

describe('release dates and territories', () => {
  it('counts lead times in whole UTC days from today', () => {
    expect(earliestReleaseDate([7, 14], '2026-12-20')).toBe('2027-01-03');
    expect(earliestReleaseDate([], '2026-12-20')).toBe('2026-12-20');
  });

  it('reads country codes however they are separated', () => {
    expect(parseTerritories(' de,FR;  us ')).toEqual(['DE', 'FR', 'US']);
    expect(parseTerritories('')).toEqual([]);
  });
});
