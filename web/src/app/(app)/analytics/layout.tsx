import { PageHeader } from '@/components/ui/states';
import { AnalyticsNav } from '@/features/analytics/analytics-nav';

export default function AnalyticsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PageHeader title="Analytics" description="Streams, audience and money from the stores' reports, and plays on your own page." />
      <AnalyticsNav />
      {children}
    </>
  );
}
