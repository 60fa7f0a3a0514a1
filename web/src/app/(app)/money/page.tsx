import type { Metadata } from 'next';
import { MoneyOverview } from '@/components/money/money-overview';

export const metadata: Metadata = { title: 'Money' };

export default function MoneyPage() {
  return <MoneyOverview />;
}
