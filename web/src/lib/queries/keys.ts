/** Query keys in one place, so a mutation invalidates exactly what it changed. */
export const keys = {
  me: ['me'] as const,
  sessions: ['sessions'] as const,
  tracks: ['tracks'] as const,
  trackList: (page: number, size: number) => ['tracks', 'list', page, size] as const,
  track: (id: string) => ['tracks', 'one', id] as const,
  analysis: (id: string) => ['tracks', 'analysis', id] as const,
  waveform: (id: string) => ['tracks', 'waveform', id] as const,
  showcase: ['showcase'] as const,
  albums: ['albums'] as const,
  albumList: (page: number, size: number) => ['albums', 'list', page, size] as const,
  album: (id: string) => ['albums', 'one', id] as const,
};
