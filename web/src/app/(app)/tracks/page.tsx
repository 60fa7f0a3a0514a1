import type { Metadata } from 'next';
import { Catalogue } from '@/features/tracks/catalogue';

export const metadata: Metadata = { title: 'Tracks' };

export default function TracksPage() {
  return <Catalogue />;
}
