import type { Metadata } from 'next';
import { GuidancePlan } from '@/features/ai/guidance-plan';

export const metadata: Metadata = { title: 'Assistant: your plan' };

export default function AiPlanPage() {
  return <GuidancePlan />;
}
