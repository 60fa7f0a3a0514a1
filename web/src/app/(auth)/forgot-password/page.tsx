import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard, LINK_CLASS } from '@/features/auth/auth-card';
import { ForgotPasswordForm } from '@/features/auth/forgot-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgot your password?"
      footer={
        <Link href="/login" className={LINK_CLASS}>
          Back to sign in
        </Link>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
