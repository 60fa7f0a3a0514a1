'use client';

import { useMutation } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { api, unwrap } from '@/lib/api/client';
import type { User } from '@/lib/api/types';

export function VerificationBanner({ user }: { user: User }) {
  const resend = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/auth/email/resend')) });
  if (user.emailVerified) return null;
  return (
    <Alert tone="warning" title="Verify your e-mail address">
      <p>
        We sent a link to <strong>{user.email}</strong>. Open it to confirm the address is yours.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button variant="secondary" size="sm" busy={resend.isPending} onClick={() => resend.mutate()}>
          Send the link again
        </Button>
        {resend.isSuccess ? <span>A new link is on its way.</span> : null}
      </div>
      <ProblemAlert error={resend.error} className="mt-2" />
    </Alert>
  );
}
