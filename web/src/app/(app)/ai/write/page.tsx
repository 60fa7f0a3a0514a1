import type { Metadata } from 'next';
import { ContentForm } from '@/features/ai/content-form';

export const metadata: Metadata = { title: 'Assistant: write' };

export default function AiWritePage() {
  return <ContentForm />;
}
