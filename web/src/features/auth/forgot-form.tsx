'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { api, unwrap } from '@/lib/api/client';

export function ForgotPasswordForm() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/password/forgot', { body: { email } })),
  });
  if (request.isSuccess) {
    return (
      <Alert tone="success" title="Check your inbox">
        If {email} has an account, a link to choose a new password is on its way. The link works for a limited time.
      </Alert>
    );
  }
  return (
    <form
      noValidate
      aria-label="Reset your password"
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        request.mutate();
      }}
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        Give the address you signed up with and we will send you a link to choose a new password.
      </p>
      <ProblemAlert error={request.error} fields={['email']} />
      <TextField
        label="E-mail address"
        type="email"
        name="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrorsOf(request.error)('email')}
      />
      <Button type="submit" busy={request.isPending}>
        Send the link
      </Button>
    </form>
  );
}
