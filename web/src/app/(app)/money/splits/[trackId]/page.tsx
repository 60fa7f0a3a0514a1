import type { Metadata } from 'next';
import { SplitPage } from '@/components/money/split-editor';

export const metadata: Metadata = { title: 'Split' };

export default async function TrackSplitPage({ params }: { params: Promise<{ trackId: string }> }) {
  const { trackId } = await params;
  return <SplitPage trackId={trackId} />;
}
