import { genresOf, profilePatchOf } from './profile-form';

describe('the profile patch', () => {
  it('reads genres separated by commas and drops the empty ones', () => {
    expect(genresOf(' synth-pop, electronic ,, ')).toEqual(['synth-pop', 'electronic']);
    expect(genresOf('')).toEqual([]);
  });

  it('clears what was emptied and lower-cases the handle', () => {
    expect(
      profilePatchOf({
        displayName: ' Ada ',
        handle: 'AdaL',
        bio: '',
        genres: 'techno',
        location: ' ',
        links: [{ key: 1, label: ' Site ', url: ' https://ada.example ' }],
      }),
    ).toEqual({
      displayName: 'Ada',
      handle: 'adal',
      bio: null,
      genres: ['techno'],
      location: null,
      links: [{ label: 'Site', url: 'https://ada.example' }],
    });
  });
});
