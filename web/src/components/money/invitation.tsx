'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { fieldErrorsOf, ProblemAlert } from '@/components/ui/problem-alert';
import { Loading } from '@/components/ui/states';
import { LINK_CLASS } from '@/features/auth/auth-card';
import { api, unwrap } from '@/lib/api/client';
import { toProblem } from '@/lib/api/problem';
import { humanise } from '@/lib/format';
import { useMe } from '@/lib/queries/account';
import { keys } from '@/lib/queries/keys';
import { useAcceptInvitation, useInvitation } from '@/lib/queries/payments';
import { formatMoney, percentOf } from './money';

/**
 * The page a split invitation's mail links to. Signed out, the collaborator signs in (and comes back here) or
 * creates an account right here; signed in, they see their shares and what is held for them, and accept.
 */
export function InvitationPage({ token }: { token: string }) {
  const me = useMe();
  const signedOut = me.error ? toProblem(me.error).isUnauthorized : false;
  if (me.isPending) return <Loading />;
  if (signedOut) return <SignedOut token={token} />;
  if (me.error) return <ProblemAlert error={me.error} />;
  return <Invitation token={token} />;
}

function SignedOut({ token }: { token: string }) {
  const here = `/invitations/${encodeURIComponent(token)}`;
  return (
    <div className="flex flex-col gap-6">
      <p>
        An artist named you in the split of their earnings. Sign in, or create your account, to see your shares and
        accept them: what you have earned so far is held for you until you do.
      </p>
      <p>
        <Link href={`/login?next=${encodeURIComponent(here)}`} className={LINK_CLASS}>
          Sign in to accept
        </Link>
      </p>
      <InvitationSignup />
    </div>
  );
}

const SIGNUP_FIELDS = ['displayName', 'email', 'password'];

/** A new account made here stays on this page, so that accepting is the next step. */
function InvitationSignup() {
  const client = useQueryClient();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signUp = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/register', { body: { displayName, email, password } })),
    onSuccess: (auth) => {
      client.clear();
      if (auth.user) client.setQueryData(keys.me, auth.user);
    },
  });
  const errorFor = fieldErrorsOf(signUp.error, { 'auth.email_taken': 'email' });
  return (
    <form
      noValidate
      aria-label="Create your account to accept"
      className="flex flex-col gap-4 border-t border-zinc-200 pt-6 dark:border-zinc-800"
      onSubmit={(event) => {
        event.preventDefault();
        signUp.mutate();
      }}
    >
      <h2 className="text-lg font-semibold">New to Not a Label?</h2>
      <ProblemAlert error={signUp.error} fields={SIGNUP_FIELDS} />
      <TextField label="Your name" name="displayName" autoComplete="name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={errorFor('displayName')} />
      <TextField
        label="E-mail address"
        type="email"
        name="email"
        autoComplete="email"
        hint="Best the address the invitation came to."
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
        hint="At least 8 characters; a phrase of a few words is easiest to remember."
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errorFor('password')}
      />
      <div>
        <Button type="submit" busy={signUp.isPending}>
          Create account
        </Button>
      </div>
    </form>
  );
}

function Invitation({ token }: { token: string }) {
  const invitation = useInvitation(token, true);
  const accept = useAcceptInvitation(token);
  if (invitation.isPending) return <Loading label="Reading the invitation…" />;
  if (invitation.error) {
    return (
      <div className="flex flex-col gap-4">
        <ProblemAlert error={invitation.error} />
        <p className="text-sm">
          <Link href="/money" className={LINK_CLASS}>
            Go to your money
          </Link>
        </p>
      </div>
    );
  }
  const data = invitation.data;
  const held = (data.held ?? []).filter((m) => m.amountMinor > 0);
  return (
    <div className="flex flex-col gap-4">
      {data.accepted ? (
        <Alert tone="success" title="Invitation accepted">
          Your shares are yours: what was held for you is in your balance, and every later share goes straight to it.
        </Alert>
      ) : (
        <p>
          Invitation for <strong>{data.email}</strong>. Accepting makes these shares yours, and what was held for you
          part of your balance.
        </p>
      )}
      <ul aria-label="Your shares" className="flex flex-col gap-1 text-sm">
        {(data.tracks ?? []).map((share) => (
          <li key={`${share.trackId}:${share.role}`}>
            {percentOf(share.basisPoints ?? 0)} % as {humanise(share.role).toLowerCase()} of a track
          </li>
        ))}
      </ul>
      <p className="text-sm">
        {data.accepted ? 'Was held for you: ' : 'Held for you now: '}
        {held.length === 0 ? 'nothing yet' : held.map(formatMoney).join(', ')}.
      </p>
      <ProblemAlert error={accept.error} />
      {data.accepted ? (
        <p>
          <Link href="/money" className={LINK_CLASS}>
            Go to your money
          </Link>
        </p>
      ) : (
        <div>
          <Button busy={accept.isPending} onClick={() => accept.mutate()}>
            Accept the invitation
          </Button>
        </div>
      )}
    </div>
  );
}
