import { SectionTabs } from '@/components/ui/section-tabs';

const SECTIONS = [
  { href: '/ai', label: 'Plan' },
  { href: '/ai/write', label: 'Write' },
  { href: '/ai/threads', label: 'Conversations' },
] as const;

export function AiNav() {
  return <SectionTabs label="Assistant" tabs={SECTIONS} />;
}
