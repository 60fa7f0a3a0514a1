import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { fixLinkFor } from './labels';
import { ReleaseDetail } from './release-detail';

const PLATFORMS = { items: [{ name: 'store-a', displayName: 'Reference Store A', leadTimeDays: 7 }] };

const DRAFT = {
  id: 'release-1',
  albumId: 'album-1',
  title: 'First Light',
  status: 'DRAFT',
  platforms: ['store-a'],
  releaseDate: '2027-01-15',
  territories: ['Worldwide'],
  readiness: {
    ready: false,
    platforms: [
      {
        platform: 'store-a',
        displayName: 'Reference Store A',
        ready: false,
        rules: [
          { rule: 'track.isrc', trackId: 'track-2', trackNumber: 2, passed: false, message: 'Track 2 (second-take) has no ISRC.' },
          { rule: 'release.upc', passed: false, message: 'The album has no UPC: set a UPC-A (12 digits) or EAN-13 barcode.' },
          { rule: 'release.artwork', passed: true, message: 'The cover is 3000 x 3000 pixels, RGB.' },
        ],
      },
    ],
  },
};

const SUBMITTED = { ...DRAFT, status: 'SUBMITTED', readiness: undefined, deliveries: { 'store-a': 'REJECTED' } };

const TIMELINES = {
  items: [
    {
      platform: 'store-a',
      status: 'REJECTED',
      timeline: [
        { status: 'QUEUED', kind: 'NEW', sequence: 1, at: '2026-12-07T10:00:00Z' },
        { status: 'DELIVERED', kind: 'NEW', sequence: 1, at: '2026-12-07T10:00:05Z' },
        { status: 'REJECTED', kind: 'NEW', sequence: 1, reasons: ['Cover art is not square'], at: '2026-12-07T10:00:20Z' },
      ],
    },
  ],
};

describe('a release', () => {
  it('lists each failing rule with a link to the page that fixes it, and keeps submit shut until it passes', async () => {
    stubFetch((call) => (call.path === '/api/v1/platforms' ? json(200, PLATFORMS) : json(200, DRAFT)));
    renderWithClient(<ReleaseDetail id="release-1" />);
    const toFix = await screen.findByRole('list', { name: 'To fix for Reference Store A' });
    const items = within(toFix).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('link', { name: 'Fix on the page of track 2' })).toHaveAttribute('href', '/tracks/track-2');
    expect(within(items[1]!).getByRole('link', { name: 'Fix on the album page' })).toHaveAttribute('href', '/albums/album-1');
    expect(screen.getByText('1 rule pass')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit to the stores' })).toBeDisabled();
  });

  it("shows each store's timeline in order, with the store's own words for a rejection", async () => {
    stubFetch((call) => {
      if (call.path === '/api/v1/platforms') return json(200, PLATFORMS);
      if (call.path.endsWith('/deliveries')) return json(200, TIMELINES);
      return json(200, SUBMITTED);
    });
    renderWithClient(<ReleaseDetail id="release-1" />);
    const timeline = await screen.findByRole('list', { name: 'Delivery timeline of Reference Store A' });
    const steps = within(timeline).getAllByRole('listitem').filter((li) => li.parentElement === timeline);
    expect(steps.map((li) => li.querySelector('p')?.textContent)).toEqual([
      'Queued',
      'Delivered, waiting for the store',
      'Rejected by the store',
    ]);
    expect(within(timeline).getByRole('list', { name: 'What Reference Store A said' })).toHaveTextContent('Cover art is not square');
    // Every store has answered for good: nothing is being followed any more.
    expect(screen.queryByText("Following the stores' answers")).not.toBeInTheDocument();
  });

  it('says which field the stores do not let change when an update is refused', async () => {
    stubFetch((call) => {
      if (call.path === '/api/v1/platforms') return json(200, PLATFORMS);
      if (call.path.endsWith('/deliveries')) return json(200, TIMELINES);
      if (call.path.endsWith('/update')) {
        return problem(409, {
          status: 409,
          code: 'release.immutable_field',
          field: 'upc',
          detail: 'The UPC of a delivered release cannot change (it was 036000291452, it is now 036000291469).',
        });
      }
      return json(200, SUBMITTED);
    });
    renderWithClient(<ReleaseDetail id="release-1" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Send the updated metadata' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The stores do not allow this change');
    expect(alert).toHaveTextContent('The UPC of a delivered release cannot change (it was 036000291452, it is now 036000291469).');
  });
});

describe('where a rule is fixed', () => {
  it('sends track rules to the track, the artist name to the profile, and nowhere for the release date', () => {
    expect(fixLinkFor({ rule: 'track.true_peak', trackId: 't', trackNumber: 1, passed: false }, 'a')?.href).toBe('/tracks/t');
    expect(fixLinkFor({ rule: 'release.artist', passed: false }, 'a')?.href).toBe('/profile');
    expect(fixLinkFor({ rule: 'release.genre', passed: false }, 'a')?.href).toBe('/albums/a');
    expect(fixLinkFor({ rule: 'release.date', passed: false }, 'a')).toBeNull();
    expect(fixLinkFor({ rule: 'release.upc', passed: true }, 'a')).toBeNull();
  });
});
