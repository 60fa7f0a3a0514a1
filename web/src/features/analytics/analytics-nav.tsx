import { SectionTabs } from '@/components/ui/section-tabs';

const SECTIONS = [
  { href: '/analytics', label: 'Overview' },
  { href: '/analytics/audience', label: 'Audience' },
  { href: '/analytics/revenue', label: 'Revenue' },
  { href: '/analytics/reconciliation', label: 'Reconciliation' },
  { href: '/analytics/imports', label: 'Report imports' },
] as const;

export function AnalyticsNav() {
  return <SectionTabs label="Analytics" tabs={SECTIONS} />;
}
