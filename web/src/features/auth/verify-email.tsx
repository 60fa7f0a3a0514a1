'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/states';
import { api, unwrap } from '@/lib/api/client';
import { toProblem } from '@/lib/api/problem';
import { keys } from '@/lib/queries/keys';
import { LINK_CLASS } from './auth-card';

/** The page the verification mail links to: it verifies as it opens, once. */
export function VerifyEmail() {
  const token = useSearchParams().get('token') ?? '';
  const client = useQueryClient();
  const sent = useRef(false);
  const verify = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/email/verify', { body: { token } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.me }),
  });
  const { mutate } = verify;

  useEffect(() => {
    // React runs effects twice in development; the token must be spent once.
    if (token && !sent.current) {
      sent.current = true;
      mutate();
    }
  }, [token, mutate]);

  if (!token) {
    return <Alert tone="error">This link has no verification token. Open the link from the e-mail again.</Alert>;
  }
  if (verify.isSuccess || (verify.error && toProblem(verify.error).code === 'auth.email_already_verified')) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" title="Your e-mail address is verified">
          Thank you. You can now use everything Not a Label offers.
        </Alert>
        <Link href="/dashboard" className={LINK_CLASS}>
          Go to your dashboard
        </Link>
      </div>
    );
  }
  if (verify.error) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="error">{toProblem(verify.error).detail}</Alert>
        <p className="text-sm">
          Signed in? Your dashboard can send a new link.{' '}
          <Link href="/dashboard" className={LINK_CLASS}>
            Go to your dashboard
          </Link>
        </p>
      </div>
    );
  }
  return <Loading label="Verifying your e-mail address…" />;
}
