import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Loading } from '@/components/ui/states';
import { AuthCard } from '@/features/auth/auth-card';
import { ResetPasswordForm } from '@/features/auth/reset-form';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default function ResetPasswordPage() {
  return (
    <AuthCard title="Choose a new password">
      <Suspense fallback={<Loading />}>
        <ResetPasswordForm />
      </Suspense>
    </AuthCard>
  );
}
