import type { Metadata } from 'next';
import { ThreadView } from '@/features/ai/thread-view';

export const metadata: Metadata = { title: 'Assistant: conversation' };

export default async function AiThreadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ThreadView id={id} />;
}
