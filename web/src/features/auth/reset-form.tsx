'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { api, unwrap } from '@/lib/api/client';
import { LINK_CLASS } from './auth-card';

export function ResetPasswordForm() {
  const router = useRouter();
  const token = useSearchParams().get('token') ?? '';
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/password/reset', { body: { token, newPassword } })),
    onSuccess: () => router.replace('/login?reset=1'),
  });

  if (!token) {
    return (
      <Alert tone="error">
        <p>This link has no reset token. Open the link from the e-mail again, or ask for a new one.</p>
        <Link href="/forgot-password" className={LINK_CLASS}>
          Ask for a new link
        </Link>
      </Alert>
    );
  }
  const errorFor = fieldErrorsOf(reset.error, { 'auth.token_invalid': 'token' });
  return (
    <form
      noValidate
      aria-label="Password reset"
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const differ = newPassword !== confirmation;
        setMismatch(differ);
        if (!differ) reset.mutate();
      }}
    >
      <ProblemAlert error={reset.error} fields={['newPassword', 'token']} />
      {errorFor('token') ? (
        <Link href="/forgot-password" className={LINK_CLASS}>
          Ask for a new link
        </Link>
      ) : null}
      <TextField
        label="New password"
        type="password"
        name="newPassword"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        error={errorFor('newPassword')}
      />
      <TextField
        label="Confirm the password"
        type="password"
        name="confirmation"
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={(e) => setConfirmation(e.target.value)}
        error={mismatch ? 'The two passwords differ.' : undefined}
      />
      <Button type="submit" busy={reset.isPending}>
        Change password
      </Button>
    </form>
  );
}
