import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShowcasePlayer } from './showcase-player';

const tracks = [
  { id: 't1', title: 'Night Drive', versionTitle: 'Radio Edit', explicit: true, stream: '/api/v1/showcase/a/t1/stream' },
  { id: 't2', title: 'Intro', stream: '/api/v1/showcase/a/t2/stream' },
];

describe('ShowcasePlayer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lists the tracks in the artist’s order, each with a player on its stream', () => {
    render(<ShowcasePlayer artistName="Nova Lane" tracks={tracks} />);

    expect(screen.getByRole('heading', { name: 'Listen to Nova Lane' })).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('1.Night Drive (Radio Edit)E');
    expect(items[1]).toHaveTextContent('2.Intro');
    expect(screen.getByLabelText('Play Intro')).toHaveAttribute('src', '/api/v1/showcase/a/t2/stream');
  });

  it('reports a play once per track and page view, by beacon', () => {
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
    const beacon = vi.fn((url: string, data?: BodyInit | null) => Boolean(url && data));
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
    render(<ShowcasePlayer artistName="Nova Lane" tracks={tracks} />);

    fireEvent.play(screen.getByLabelText('Play Night Drive (Radio Edit)'));
    fireEvent.play(screen.getByLabelText('Play Night Drive (Radio Edit)'));
    fireEvent.play(screen.getByLabelText('Play Intro'));

    expect(beacon).toHaveBeenCalledTimes(2);
    expect(beacon.mock.calls[0]?.[0]).toBe('/api/v1/analytics/plays');
  });

  it('shows nothing when the artist shows no track', () => {
    const { container } = render(<ShowcasePlayer artistName="Nova Lane" tracks={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
