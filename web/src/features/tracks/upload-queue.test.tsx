import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { UploadItem } from '@/lib/upload/upload-store';
import { UploadQueue } from './upload-queue';

const file = (name: string) => new File([new Uint8Array(10)], name, { type: 'audio/wav' });

function item(change: Partial<UploadItem> & { id: string; name: string }): UploadItem {
  return { file: file(change.name), loaded: 0, total: 4_000_000, status: 'queued', ...change };
}

describe('the upload queue', () => {
  const actions = { cancel: vi.fn(), retry: vi.fn(), dismiss: vi.fn(), clearFinished: vi.fn() };

  it('shows each upload with a progress bar, and cancels the one asked', async () => {
    render(
      <UploadQueue
        items={[
          item({ id: 'u1', name: 'one.wav', status: 'uploading', loaded: 1_000_000 }),
          item({ id: 'u2', name: 'two.wav' }),
        ]}
        actions={actions}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Upload of one.wav' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(bar).toHaveAttribute('aria-valuetext', '25%');
    expect(screen.getByText(/of 3\.8 MB \(25%\)/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload of two.wav' }));
    expect(actions.cancel).toHaveBeenCalledWith('u2');
  });

  it("shows a refused file's reason and offers to try again", async () => {
    render(
      <UploadQueue
        items={[item({ id: 'u3', name: 'notes.txt', status: 'failed', error: 'This file is not audio that can be read.' })]}
        actions={actions}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This file is not audio that can be read.');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry upload of notes.txt' }));
    expect(actions.retry).toHaveBeenCalledWith('u3');
  });

  it('links a finished upload to its track', () => {
    render(
      <UploadQueue items={[item({ id: 'u4', name: 'done.wav', status: 'done', track: { id: 't-9' } })]} actions={actions} />,
    );
    expect(screen.getByRole('link', { name: 'Open track' })).toHaveAttribute('href', '/tracks/t-9');
    expect(screen.getByRole('progressbar', { name: 'Upload of done.wav' })).toHaveAttribute('aria-valuenow', '100');
  });

  it('shows nothing before the first upload', () => {
    const { container } = render(<UploadQueue items={[]} actions={actions} />);
    expect(container).toBeEmptyDOMElement();
  });
});
