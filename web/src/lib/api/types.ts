import type { musicComponents, userComponents } from './generated';

type MusicSchemas = musicComponents['schemas'];
type UserSchemas = userComponents['schemas'];

export type User = UserSchemas['UserResponse'];
export type Artist = UserSchemas['ArtistResponse'];
export type Profile = UserSchemas['Profile'];
export type ProfileLink = UserSchemas['Link'];
export type Session = UserSchemas['SessionResponse'];

export type Track = MusicSchemas['TrackResponse'];
export type TrackStatus = NonNullable<Track['status']>;
export type TrackDetails = MusicSchemas['TrackDetailsRequest'];
export type Credit = MusicSchemas['CreditResponse'];
export type CreditRole = NonNullable<Credit['role']>;
export type TrackAnalysis = MusicSchemas['TrackAnalysis'];
export type PlatformPreview = MusicSchemas['PlatformPreview'];
export type ReadinessCheck = MusicSchemas['Check'];

export type Album = MusicSchemas['AlbumResponse'];
export type AlbumDetails = MusicSchemas['AlbumRequest'];
export type AlbumType = AlbumDetails['type'];
export type AlbumTrack = MusicSchemas['AlbumTrack'];
export type AlbumWarning = MusicSchemas['Warning'];

export type Showcase = MusicSchemas['ShowcaseResponse'];
export type ShowcasedTrack = MusicSchemas['ShowcasedTrack'];

export const CREDIT_ROLES: readonly CreditRole[] = [
  'MAIN_ARTIST',
  'FEATURED_ARTIST',
  'REMIXER',
  'COMPOSER',
  'LYRICIST',
  'PRODUCER',
  'MIXING_ENGINEER',
  'MASTERING_ENGINEER',
  'PERFORMER',
];

export const ALBUM_TYPES: readonly AlbumType[] = ['SINGLE', 'EP', 'ALBUM'];
