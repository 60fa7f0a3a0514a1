import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Loading } from '@/components/ui/states';
import { AuthCard } from '@/features/auth/auth-card';
import { VerifyEmail } from '@/features/auth/verify-email';

export const metadata: Metadata = { title: 'Verify your e-mail address', referrer: 'no-referrer' };

export default function VerifyEmailPage() {
  return (
    <AuthCard title="Verify your e-mail address">
      <Suspense fallback={<Loading />}>
        <VerifyEmail />
      </Suspense>
    </AuthCard>
  );
}
