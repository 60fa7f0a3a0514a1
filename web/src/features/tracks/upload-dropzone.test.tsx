import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { UploadDropzone } from './upload-dropzone';

const file = (name: string) => new File([new Uint8Array(10)], name, { type: 'audio/wav' });

describe('the upload drop zone', () => {
  it('takes several files chosen with the button', async () => {
    const onFiles = vi.fn();
    render(<UploadDropzone onFiles={onFiles} />);
    await userEvent.upload(screen.getByLabelText('Choose audio files'), [file('a.wav'), file('b.flac')]);
    expect(onFiles).toHaveBeenCalledTimes(1);
    expect(onFiles.mock.calls[0]![0].map((f: File) => f.name)).toEqual(['a.wav', 'b.flac']);
  });

  it('takes files dropped on it, and says where to drop while dragging', () => {
    const onFiles = vi.fn();
    render(<UploadDropzone onFiles={onFiles} />);
    const zone = screen.getByRole('region', { name: 'Upload tracks' });
    fireEvent.dragEnter(zone, { dataTransfer: { files: [] } });
    expect(screen.getByText('Drop to upload')).toBeInTheDocument();
    fireEvent.drop(zone, { dataTransfer: { files: [file('c.wav')] } });
    expect(onFiles).toHaveBeenCalledWith([expect.objectContaining({ name: 'c.wav' })]);
    expect(screen.getByText('Drag audio files here')).toBeInTheDocument();
  });
});
