import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { Loading } from '@/components/ui/states';
import { AuthCard, LINK_CLASS } from '@/features/auth/auth-card';
import { LoginForm } from '@/features/auth/login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default function LoginPage() {
  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New to Not a Label?{' '}
          <Link href="/signup" className={LINK_CLASS}>
            Create an account
          </Link>
        </>
      }
    >
      <Suspense fallback={<Loading />}>
        <LoginForm />
      </Suspense>
    </AuthCard>
  );
}
