import type { Metadata } from 'next';
import { ThreadList } from '@/features/ai/thread-list';

export const metadata: Metadata = { title: 'Assistant: conversations' };

export default function AiThreadsPage() {
  return <ThreadList />;
}
