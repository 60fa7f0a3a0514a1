import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard, LINK_CLASS } from '@/features/auth/auth-card';
import { SignupForm } from '@/features/auth/signup-form';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignupPage() {
  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Have an account?{' '}
          <Link href="/login" className={LINK_CLASS}>
            Sign in
          </Link>
        </>
      }
    >
      <SignupForm />
    </AuthCard>
  );
}
