import type { Metadata } from 'next';
import { AnalyticsOverview } from '@/features/analytics/overview';

export const metadata: Metadata = { title: 'Analytics' };

export default function Page() {
  return <AnalyticsOverview />;
}
