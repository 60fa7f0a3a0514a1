import type { Metadata } from 'next';
import { NewReleaseForm } from '@/features/releases/new-release-form';

export const metadata: Metadata = { title: 'New release' };

export default async function NewReleasePage({ searchParams }: { searchParams: Promise<{ album?: string }> }) {
  const { album } = await searchParams;
  return <NewReleaseForm initialAlbumId={typeof album === 'string' ? album : undefined} />;
}
