import type { Metadata } from 'next';
import { AudienceView } from '@/features/analytics/audience';

export const metadata: Metadata = { title: 'Audience' };

export default function Page() {
  return <AudienceView />;
}
