import type { Metadata } from 'next';
import { ImportsView } from '@/features/analytics/imports';

export const metadata: Metadata = { title: 'Report imports' };

export default function Page() {
  return <ImportsView />;
}
