import { PageHeader } from '@/components/ui/states';
import { AiNav } from '@/features/ai/ai-nav';

export default function AiLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PageHeader title="Assistant" description="Guidance and writing from your own catalogue, releases and numbers." />
      <AiNav />
      {children}
    </>
  );
}
