import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ShowcasePlayer } from '@/components/public/showcase-player';
import { findArtist } from '@/lib/server/artists';
import { findShowcase } from '@/lib/server/showcase';

type Props = { params: Promise<{ handle: string }> };

function summary(bio: string | undefined, name: string): string {
  const text = (bio ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return `${name} on Not a Label.`;
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

/**
 * The origin the visitor reached the page on (nginx and the app's own server pass it on): the picture's
 * URL is a path on it, and link previews need it whole.
 */
async function originOf(): Promise<URL | undefined> {
  const request = await headers();
  const host = request.get('x-forwarded-host') ?? request.get('host');
  if (!host) return undefined;
  const proto = request.get('x-forwarded-proto') ?? 'http';
  try {
    return new URL(`${proto.split(',')[0]!.trim()}://${host.split(',')[0]!.trim()}`);
  } catch {
    return undefined;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  const artist = await findArtist(handle);
  if (!artist) return { title: 'Artist not found' };
  const name = artist.displayName ?? handle;
  const description = summary(artist.bio, name);
  return {
    metadataBase: await originOf(),
    title: name,
    description,
    openGraph: {
      type: 'profile',
      title: name,
      description,
      siteName: 'Not a Label',
      username: artist.handle,
      images: artist.avatarUrl ? [{ url: artist.avatarUrl, alt: name }] : undefined,
    },
    twitter: {
      // The picture is square: the small card shows it whole.
      card: 'summary',
      title: name,
      description,
      images: artist.avatarUrl ? [artist.avatarUrl] : undefined,
    },
  };
}

/** An artist's public page, rendered on the server so that link previews and search engines read it whole. */
export default async function ArtistPage({ params }: Props) {
  const { handle } = await params;
  const artist = await findArtist(handle);
  if (!artist) notFound();
  const name = artist.displayName ?? handle;
  const showcase = artist.id ? await findShowcase(artist.id) : [];
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-2xl flex-col gap-6 px-6 py-12">
      <header className="flex flex-col items-center gap-4 text-center">
        {artist.avatarUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- already a 512 px JPEG, cached for good by its URL
          <img src={artist.avatarUrl} alt={name} width={128} height={128} className="size-32 rounded-full object-cover shadow" />
        ) : (
          <div aria-hidden="true" className="flex size-32 items-center justify-center rounded-full bg-brand-100 text-4xl font-bold text-brand-700">
            {name.charAt(0).toUpperCase()}
          </div>
        )}
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{name}</h1>
          <p className="text-zinc-600 dark:text-zinc-300">
            @{artist.handle}
            {artist.location ? ` · ${artist.location}` : ''}
          </p>
        </div>
        {artist.genres && artist.genres.length > 0 ? (
          <ul aria-label="Genres" className="flex flex-wrap justify-center gap-2">
            {artist.genres.map((genre) => (
              <li key={genre} className="rounded-full bg-zinc-100 px-3 py-1 text-sm dark:bg-zinc-800">
                {genre}
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      {artist.bio ? <p className="whitespace-pre-line text-lg leading-relaxed">{artist.bio}</p> : null}
      <ShowcasePlayer artistName={name} tracks={showcase} />
      {artist.links && artist.links.length > 0 ? (
        <nav aria-label={`${name}'s links`}>
          <ul className="flex flex-col gap-2">
            {artist.links.map((link) => (
              <li key={`${link.label}:${link.url}`}>
                <a
                  href={link.url}
                  rel="noopener noreferrer nofollow"
                  className="block rounded-md border border-zinc-300 px-4 py-3 text-center font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900"
                >
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <footer className="mt-auto pt-8 text-center text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/" className="hover:underline">
          Not a Label
        </Link>
      </footer>
    </main>
  );
}
