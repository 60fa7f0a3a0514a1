import type { Metadata } from 'next';
import { AlbumList } from '@/features/albums/album-list';

export const metadata: Metadata = { title: 'Albums' };

export default function AlbumsPage() {
  return <AlbumList />;
}
