import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Track } from '@/lib/api/types';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { MetadataForm, patchOf } from './metadata-form';

const TRACK: Track = {
  id: '0190-track',
  title: 'Night Drive',
  versionTitle: 'Radio edit',
  isrc: null as unknown as undefined,
  explicit: false,
  genre: 'Synth-pop',
  language: 'en',
  credits: [{ name: 'Ada', role: 'MAIN_ARTIST' }],
  status: 'READY',
};

const ISRC_REFUSAL = {
  status: 400,
  code: 'request.invalid',
  detail: "The track's metadata has invalid values.",
  errors: [
    { field: 'isrc', message: 'An ISRC is written CC-XXX-YY-NNNNN, with hyphens only between the parts' },
    { field: 'credits[0].name', message: 'must not be blank' },
  ],
};

describe('the track metadata form', () => {
  it("shows a refused ISRC at the ISRC field, and each credit's message at that credit", async () => {
    const calls = stubFetch(() => problem(400, ISRC_REFUSAL));
    renderWithClient(<MetadataForm track={TRACK} />);
    await userEvent.type(screen.getByLabelText('ISRC'), 'BAD-ISRC');
    await userEvent.clear(screen.getByLabelText('Credit 1 name'));
    await userEvent.click(screen.getByRole('button', { name: 'Save details' }));

    const isrc = screen.getByLabelText('ISRC');
    await screen.findByText('An ISRC is written CC-XXX-YY-NNNNN, with hyphens only between the parts.');
    expect(isrc).toHaveAttribute('aria-invalid', 'true');
    expect(isrc).toHaveAccessibleDescription(
      'CC-XXX-YY-NNNNN, e.g. GB-ABC-24-00001. An ISRC is written CC-XXX-YY-NNNNN, with hyphens only between the parts.',
    );
    expect(screen.getByLabelText('Credit 1 name')).toHaveAccessibleDescription('Credit 1 name must not be blank.');
    expect(screen.getByRole('alert')).toHaveTextContent("The track's metadata has invalid values.");
    expect(screen.getByLabelText('Title')).not.toHaveAttribute('aria-invalid');

    expect(calls[0]).toMatchObject({ method: 'PATCH', path: '/api/v1/tracks/0190-track' });
    expect(calls[0]!.headers.get('content-type')).toBe('application/merge-patch+json');
    expect(calls[0]!.body).toMatchObject({ isrc: 'BAD-ISRC', credits: [{ name: '', role: 'MAIN_ARTIST' }] });
  });

  it('saves, says so, and shows what the platform stored', async () => {
    stubFetch((call) => json(200, { ...TRACK, ...(call.body as object), isrc: 'GB-ABC-24-00001' }));
    renderWithClient(<MetadataForm track={TRACK} />);
    await userEvent.type(screen.getByLabelText('ISRC'), 'gbabc2400001');
    await userEvent.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByText('Details saved.')).toBeInTheDocument();
    expect(screen.getByLabelText('ISRC')).toHaveValue('GB-ABC-24-00001');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('adds and removes credits', async () => {
    renderWithClient(<MetadataForm track={TRACK} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add a credit' }));
    await userEvent.type(screen.getByLabelText('Credit 2 name'), 'Grace');
    await userEvent.selectOptions(screen.getByLabelText('Credit 2 role'), 'PRODUCER');
    await userEvent.click(screen.getByRole('button', { name: 'Remove credit 1' }));
    const credits = screen.getByRole('group', { name: 'Credits' });
    expect(within(credits).getByLabelText('Credit 1 name')).toHaveValue('Grace');
    expect(within(credits).queryByLabelText('Credit 2 name')).not.toBeInTheDocument();
  });
});

describe('the metadata patch', () => {
  it('sends a cleared field as null so the platform clears it too', () => {
    const patch = patchOf({
      title: ' Night Drive ',
      versionTitle: '',
      isrc: '  ',
      genre: 'Synth-pop',
      language: '',
      explicit: true,
      credits: [{ key: 1, name: ' Ada ', role: 'COMPOSER' }],
    });
    expect(patch).toEqual({
      title: 'Night Drive',
      versionTitle: null,
      isrc: null,
      genre: 'Synth-pop',
      language: null,
      explicit: true,
      credits: [{ name: 'Ada', role: 'COMPOSER' }],
    });
  });
});
