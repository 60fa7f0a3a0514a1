import type { Metadata } from 'next';
import { RevenueView } from '@/features/analytics/revenue';

export const metadata: Metadata = { title: 'Revenue' };

export default function Page() {
  return <RevenueView />;
}
