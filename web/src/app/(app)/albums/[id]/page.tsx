import type { Metadata } from 'next';
import { AlbumDetail } from '@/features/albums/album-detail';

export const metadata: Metadata = { title: 'Album' };

export default async function AlbumPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AlbumDetail id={id} />;
}
