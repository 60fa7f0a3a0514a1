'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { Card, Loading, PageHeader } from '@/components/ui/states';
import { api, rawFetch, unwrap } from '@/lib/api/client';
import { formatDate } from '@/lib/format';
import { keys } from '@/lib/queries/keys';

function Sessions() {
  const router = useRouter();
  const client = useQueryClient();
  const sessions = useQuery({
    queryKey: keys.sessions,
    queryFn: () => unwrap(api.GET('/api/v1/auth/sessions', { params: { query: { page: 0, size: 100 } } })),
  });
  const end = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: (_data, id) => {
      const current = sessions.data?.items?.find((s) => s.id === id)?.current;
      if (current) {
        client.clear();
        router.replace('/login?signedOut=1');
      } else {
        void client.invalidateQueries({ queryKey: keys.sessions });
      }
    },
  });
  const items = sessions.data?.items ?? [];
  return (
    <Card aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className="mb-1 text-lg font-semibold">
        Where you are signed in
      </h2>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">End any session you do not recognise; that device is signed out at once.</p>
      {sessions.isPending ? <Loading label="Loading your sessions…" /> : null}
      <ProblemAlert error={sessions.error ?? end.error} />
      <ul aria-label="Sessions" className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
        {items.map((session, index) => {
          const device = session.device || 'Unknown device';
          return (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium">
                  {device}
                  {session.current ? (
                    <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100">
                      This device
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-zinc-600 dark:text-zinc-300">
                  Signed in {formatDate(session.createdAt)} · last active {formatDate(session.lastUsedAt)}
                </p>
              </div>
              <Button
                variant="secondary"
                size="sm"
                aria-label={session.current ? 'End this session (sign out here)' : `End session ${index + 1}: ${device}`}
                busy={end.isPending && end.variables === session.id}
                onClick={() => session.id && end.mutate(session.id)}
              >
                End session
              </Button>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function ChangePassword() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/password/change', { body: { currentPassword, newPassword } })),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  const errorFor = fieldErrorsOf(change.error, { 'auth.wrong_password': 'currentPassword' });
  return (
    <Card aria-labelledby="password-heading">
      <h2 id="password-heading" className="mb-3 text-lg font-semibold">
        Password
      </h2>
      <form
        noValidate
        aria-labelledby="password-heading"
        className="flex flex-col gap-4 sm:max-w-md"
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate();
        }}
      >
        <ProblemAlert error={change.error} fields={['currentPassword', 'newPassword']} />
        {change.isSuccess ? <Alert tone="success">Your password is changed.</Alert> : null}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={errorFor('currentPassword')}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={errorFor('newPassword')}
        />
        <div>
          <Button type="submit" busy={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}

function ExportData() {
  const download = useMutation({
    mutationFn: async () => {
      const response = await rawFetch('/api/v1/users/me/export', { headers: { Accept: 'application/json' } });
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'not-a-label-account.json';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  return (
    <Card aria-labelledby="export-heading">
      <h2 id="export-heading" className="mb-1 text-lg font-semibold">
        Your data
      </h2>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">
        A JSON file with everything your account holds about you: profile, sessions and known devices.
      </p>
      <ProblemAlert error={download.error} className="mb-3" />
      {download.isSuccess ? <Alert tone="success" className="mb-3">Your data is downloaded.</Alert> : null}
      <Button variant="secondary" busy={download.isPending} onClick={() => download.mutate()}>
        Download your data
      </Button>
    </Card>
  );
}

function DeleteAccount() {
  const router = useRouter();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const erase = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/users/me', { body: { password } })),
    onSuccess: () => {
      client.clear();
      router.replace('/login?deleted=1');
    },
  });
  return (
    <Card aria-labelledby="delete-heading" className="border-red-300 dark:border-red-900">
      <h2 id="delete-heading" className="mb-1 text-lg font-semibold">
        Delete your account
      </h2>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">
        Your account, tracks, albums and everything else you keep here are erased. This cannot be undone.
      </p>
      <ConfirmDialog
        trigger="Delete account"
        title="Delete your account for good?"
        description="Type your password to confirm. You are signed out everywhere and your catalogue is erased."
        confirm="Delete my account"
        busy={erase.isPending}
        error={erase.error}
        confirmDisabled={password.length === 0}
        onConfirm={() => erase.mutate()}
      >
        <TextField
          label="Your password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrorsOf(erase.error, { 'auth.wrong_password': 'password' })('password')}
        />
      </ConfirmDialog>
    </Card>
  );
}

export function Settings() {
  return (
    <>
      <PageHeader title="Account" description="Sessions, password, your data." />
      <div className="flex flex-col gap-6">
        <Sessions />
        <ChangePassword />
        <ExportData />
        <DeleteAccount />
      </div>
    </>
  );
}
