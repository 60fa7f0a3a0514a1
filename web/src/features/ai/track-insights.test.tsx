import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { TrackInsights } from './track-insights';

const TRACK = '7d3c1a52-5d0b-4d8e-9a0e-2f1f3c9b8a11';

/** ai-service's answer for the calibrated -23 LUFS tone, as TrackInsights computes it. */
const TONE = {
  trackId: TRACK,
  title: 'journey-tone',
  integratedLufs: -23,
  truePeakDbtp: -20,
  loudnessRangeLu: 0,
  stores: [
    {
      store: 'spotify',
      name: 'Spotify',
      referenceLufs: -14,
      gainDb: 9,
      limitedByTruePeak: false,
      truePeakAfterGainDbtp: -11,
      clips: false,
      overHeadroom: false,
      message: 'Spotify will turn this up 9 dB.',
      factIds: ['store:spotify:reference_lufs', `track:${TRACK}:integrated_lufs`],
    },
    {
      store: 'youtube',
      name: 'YouTube',
      referenceLufs: -14,
      gainDb: 0,
      limitedByTruePeak: false,
      truePeakAfterGainDbtp: -20,
      clips: false,
      overHeadroom: false,
      message: 'YouTube will not turn this up: it plays 9 dB quieter than tracks at -14 LUFS.',
      factIds: [],
    },
  ],
  problems: [
    {
      code: 'quiet',
      message: 'At -23 LUFS the master is quiet: YouTube never turns it up, and Spotify only as far as its peaks allow.',
      fix: 'Raise the master\u2019s loudness towards -14 LUFS if the music allows it.',
      factIds: [],
    },
  ],
  tempo: null,
  key: 'A minor: a minor key, often heard as darker or wistful; its relative major is C major, which shares its notes.',
  fixes: [],
  factIds: [],
};

const CLIPPING = {
  ...TONE,
  stores: [
    {
      ...TONE.stores[0],
      gainDb: -4,
      truePeakAfterGainDbtp: 1.2,
      clips: true,
      overHeadroom: true,
      message: 'Spotify will turn this down 4 dB. Its true peak then reaches +1.2 dBTP: it will clip.',
    },
  ],
  problems: [],
  key: null,
};

describe('the track insights', () => {
  it("shows each store's gain and its sentence, the peak after it, the problems with their fixes and the key in words", async () => {
    stubFetch((call) => (call.path === `/api/v1/ai/tracks/${TRACK}/insights` ? json(200, TONE) : json(404, {})));
    renderWithClient(<TrackInsights trackId={TRACK} ready />);
    const table = await screen.findByRole('table', { name: "What each store's normalisation does to this track" });
    const spotify = within(table).getByRole('row', { name: /Spotify/ });
    expect(spotify).toHaveTextContent('+9.0 dB');
    expect(spotify).toHaveTextContent('-11.0 dBTP');
    expect(spotify).toHaveTextContent('Spotify will turn this up 9 dB.');
    expect(within(table).getByRole('row', { name: /YouTube/ })).toHaveTextContent('will not turn this up');
    expect(screen.getByText(/the master is quiet/)).toBeVisible();
    expect(screen.getByText(/Fix: Raise the master/)).toBeVisible();
    expect(screen.getByText(/A minor: a minor key/)).toBeVisible();
  });

  it('says when a store will make the master clip', async () => {
    stubFetch(() => json(200, CLIPPING));
    renderWithClient(<TrackInsights trackId={TRACK} ready />);
    const row = await screen.findByRole('row', { name: /Spotify/ });
    expect(row).toHaveTextContent('+1.2 dBTP · clips');
    expect(screen.getByText('Nothing to fix: the numbers show no problem.')).toBeVisible();
  });

  it('asks again while the facts have not caught up, and shows the insights once they have', async () => {
    let asked = 0;
    stubFetch(() => {
      asked += 1;
      return asked < 3 ? problem(404, { code: 'ai.track_not_found', detail: 'No such track.' }) : json(200, TONE);
    });
    renderWithClient(<TrackInsights trackId={TRACK} ready pollMs={5} />);
    expect(await screen.findByText('Spotify will turn this up 9 dB.')).toBeVisible();
    expect(asked).toBe(3);
  });

  it('says so plainly when the facts never arrive while it polls', async () => {
    const calls = stubFetch(() => problem(404, { code: 'ai.track_not_found', detail: 'No such track.' }));
    renderWithClient(<TrackInsights trackId={TRACK} ready pollMs={1} />);
    expect(await screen.findByText(/has not learnt about this track yet/, undefined, { timeout: 3_000 })).toBeVisible();
    expect(calls.length).toBe(16);
  });

  it("shows another failure's sentence, and asks nothing for a track not processed yet", async () => {
    const calls = stubFetch(() => problem(503, { code: 'ai.provider_unavailable', detail: 'The AI service is busy' }));
    const { unmount } = renderWithClient(<TrackInsights trackId={TRACK} ready={false} />);
    expect(calls).toHaveLength(0);
    unmount();
    renderWithClient(<TrackInsights trackId={TRACK} ready />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The AI service is busy.');
    expect(calls).toHaveLength(1);
  });
});
