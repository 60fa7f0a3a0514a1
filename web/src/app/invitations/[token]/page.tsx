import type { Metadata } from 'next';
import { InvitationPage } from '@/components/money/invitation';
import { AuthCard } from '@/features/auth/auth-card';

// The token is the invitation: it must not leave in a Referer.
export const metadata: Metadata = { title: 'Split invitation', referrer: 'no-referrer', robots: { index: false } };

export default async function SplitInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="You are invited to a split">
      <InvitationPage token={token} />
    </AuthCard>
  );
}
