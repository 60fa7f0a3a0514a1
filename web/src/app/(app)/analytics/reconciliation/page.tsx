import type { Metadata } from 'next';
import { ReconciliationView } from '@/features/analytics/reconciliation';

export const metadata: Metadata = { title: 'Reconciliation' };

export default function Page() {
  return <ReconciliationView />;
}
