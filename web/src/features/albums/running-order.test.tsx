import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { AlbumTrack, Track } from '@/lib/api/types';
import { RunningOrder } from './running-order';

const ON_ALBUM: AlbumTrack[] = [
  { id: 'a', title: 'Opening', status: 'READY', position: 1 },
  { id: 'b', title: 'Middle', status: 'READY', position: 2 },
  { id: 'c', title: 'Closing', status: 'PROCESSING', position: 3 },
];
const CATALOGUE: Track[] = [{ id: 'a', title: 'Opening' }, { id: 'b', title: 'Middle' }, { id: 'c', title: 'Closing' }, { id: 'd', title: 'Bonus' }];

function renderOrder(onChange = vi.fn(), saving = false) {
  render(<RunningOrder tracks={ON_ALBUM} catalogue={CATALOGUE} onChange={onChange} saving={saving} error={null} />);
  return onChange;
}

describe('the running order', () => {
  it('lists the tracks in order, numbered', () => {
    renderOrder();
    const items = within(screen.getByRole('list', { name: 'Tracks in running order' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('1Opening'),
      expect.stringContaining('2Middle'),
      expect.stringContaining('3Closing'),
    ]);
  });

  it('moves a track up or down and sends the whole new order', async () => {
    const onChange = renderOrder();
    await userEvent.click(screen.getByRole('button', { name: 'Move Closing up' }));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'c', 'b']);
    await userEvent.click(screen.getByRole('button', { name: 'Move Opening down' }));
    expect(onChange).toHaveBeenLastCalledWith(['b', 'a', 'c']);
    expect(screen.getByRole('button', { name: 'Move Opening up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Closing down' })).toBeDisabled();
  });

  it('adds only a track that is not on the album yet, and removes one', async () => {
    const onChange = renderOrder();
    const select = screen.getByLabelText('Track to add');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Bonus']);
    await userEvent.click(screen.getByRole('button', { name: 'Add to album' }));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'b', 'c', 'd']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove Middle from the album' }));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'c']);
  });

  it('tells keyboard and screen-reader users how to drag', () => {
    // The drag itself needs layout, which jsdom has not; the browser journeys drag for real.
    renderOrder();
    const handle = screen.getByRole('button', { name: 'Drag Opening to reorder' });
    expect(handle).toHaveAttribute('aria-roledescription', 'sortable');
    expect(handle).toHaveAccessibleDescription(/press the space bar/i);
  });

  it('holds still while the last change is saved', () => {
    renderOrder(vi.fn(), true);
    expect(screen.getByRole('button', { name: 'Move Middle up' })).toBeDisabled();
  });
});
