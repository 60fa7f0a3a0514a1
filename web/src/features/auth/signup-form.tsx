'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { api, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/queries/keys';

const FIELDS = ['displayName', 'email', 'password'];

export function SignupForm() {
  const router = useRouter();
  const client = useQueryClient();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signUp = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/register', { body: { displayName, email, password } })),
    onSuccess: (auth) => {
      client.clear();
      if (auth.user) client.setQueryData(keys.me, auth.user);
      router.replace('/dashboard');
    },
  });
  const errorFor = fieldErrorsOf(signUp.error, { 'auth.email_taken': 'email' });

  return (
    <form
      noValidate
      aria-label="Create your account"
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        signUp.mutate();
      }}
    >
      <ProblemAlert error={signUp.error} fields={FIELDS} />
      <TextField
        label="Artist name"
        name="displayName"
        autoComplete="nickname"
        required
        maxLength={100}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={errorFor('displayName')}
      />
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
        autoComplete="new-password"
        required
        hint="At least 8 characters; a phrase of a few words is easiest to remember."
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errorFor('password')}
      />
      <Button type="submit" busy={signUp.isPending}>
        Create account
      </Button>
    </form>
  );
}
