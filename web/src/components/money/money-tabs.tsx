import { SectionTabs } from '@/components/ui/section-tabs';

const TABS = [
  { href: '/money', label: 'Earnings and payouts' },
  { href: '/money/splits', label: 'Splits' },
] as const;

/** The money section's two pages: what came in and went out, and who shares in each track. */
export function MoneyTabs() {
  return <SectionTabs label="Money" tabs={TABS} />;
}
