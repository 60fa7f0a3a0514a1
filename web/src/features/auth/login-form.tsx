'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { api, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/queries/keys';
import { safeNext } from '@/lib/safe-next';
import { LINK_CLASS } from './auth-card';

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: (auth) => {
      client.clear();
      if (auth.user) client.setQueryData(keys.me, auth.user);
      router.replace(safeNext(params.get('next')));
    },
  });
  const errorFor = fieldErrorsOf(signIn.error);
  const notice = params.get('signedOut')
    ? 'You are signed out.'
    : params.get('reset')
      ? 'Your password is changed. Sign in with the new one.'
      : params.get('deleted')
        ? 'Your account is deleted.'
        : null;

  return (
    <form
      noValidate
      aria-label="Sign in"
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        signIn.mutate();
      }}
    >
      {notice && !signIn.error ? <Alert tone="success">{notice}</Alert> : null}
      <ProblemAlert error={signIn.error} fields={['email', 'password']} />
      <TextField
        label="E-mail address"
        type="email"
        name="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errorFor('email')}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errorFor('password')}
      />
      <Button type="submit" busy={signIn.isPending}>
        Sign in
      </Button>
      <Link href="/forgot-password" className={`${LINK_CLASS} text-sm`}>
        Forgot your password?
      </Link>
    </form>
  );
}
