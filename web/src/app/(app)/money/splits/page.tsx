import type { Metadata } from 'next';
import { SplitTrackList } from '@/components/money/split-track-list';

export const metadata: Metadata = { title: 'Splits' };

export default function SplitsPage() {
  return <SplitTrackList />;
}
