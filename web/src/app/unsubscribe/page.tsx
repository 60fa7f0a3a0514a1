import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Unsubscribe } from '@/components/notifications/unsubscribe';
import { Loading } from '@/components/ui/states';
import { AuthCard } from '@/features/auth/auth-card';

// The token names one person and one kind of mail: it must not leave in a Referer.
export const metadata: Metadata = { title: 'Unsubscribe', referrer: 'no-referrer', robots: { index: false } };

export default function UnsubscribePage() {
  return (
    <AuthCard title="Unsubscribe">
      <Suspense fallback={<Loading />}>
        <Unsubscribe />
      </Suspense>
    </AuthCard>
  );
}
