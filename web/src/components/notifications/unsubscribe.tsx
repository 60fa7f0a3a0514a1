'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Loading } from '@/components/ui/states';
import { LINK_CLASS } from '@/features/auth/auth-card';
import { confirmUnsubscribe, readUnsubscribe } from '@/lib/queries/notifications';

/**
 * The page a mail's unsubscribe link opens, with no session: it shows what the link turns off, and turns
 * it off only when asked (mail scanners open links; RFC 8058's one-click POST comes from the mail client).
 */
export function Unsubscribe() {
  const token = useSearchParams().get('token') ?? '';
  const state = useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => readUnsubscribe(token),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
  const stop = useMutation({ mutationFn: () => confirmUnsubscribe(token) });

  if (!token) {
    return <Alert tone="error">This link has no unsubscribe token. Open the link from the e-mail again.</Alert>;
  }
  if (state.isPending) return <Loading label="Reading the link…" />;
  if (state.error) return <ProblemAlert error={state.error} />;

  const title = state.data.categoryTitle || state.data.category;
  if (stop.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" title="Unsubscribed">
          {stop.data.mail
            ? `Mail about ${title.toLowerCase()} is still on; try again in a moment.`
            : `You will get no more mail about ${title.toLowerCase()}. Notifications in the app and by push are as you set them.`}
        </Alert>
        <p className="text-sm">
          Changed your mind? Signed in, you can turn it on again in{' '}
          <Link href="/notifications/preferences" className={LINK_CLASS}>
            your notification preferences
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {state.data.mail ? (
        <p>
          This turns off mail about <strong>{title.toLowerCase()}</strong> for the address this mail was sent to. Account
          and security mails still arrive.
        </p>
      ) : (
        <Alert tone="info">Mail about {title.toLowerCase()} is already off for this address.</Alert>
      )}
      <ProblemAlert error={stop.error} />
      {state.data.mail ? (
        <div>
          <Button busy={stop.isPending} onClick={() => stop.mutate()}>
            Stop mail about {title.toLowerCase()}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
