import type { Metadata } from 'next';
import { ReleaseDetail } from '@/features/releases/release-detail';

export const metadata: Metadata = { title: 'Release' };

export default async function ReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ReleaseDetail id={id} />;
}
