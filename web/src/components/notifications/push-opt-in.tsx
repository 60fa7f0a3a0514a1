'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Card } from '@/components/ui/states';
import { disablePush, enablePush, pushProblem, pushState, type PushState } from './push';

const SAYS: Record<PushState, string> = {
  unsupported: 'This browser cannot receive push notifications.',
  denied:
    "Notifications are blocked for this site in your browser's settings. Allow them there, then turn push on here.",
  off: 'Push is off in this browser.',
  on: 'Push is on in this browser: notifications you chose to get by push appear on this device even when the app is closed.',
};

/** Push in this browser: the permission, the subscription, and the platform's copy of it. */
export function PushOptIn() {
  const [state, setState] = useState<PushState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    pushState()
      .then((s) => live && setState(s))
      .catch(() => live && setState('off'));
    return () => {
      live = false;
    };
  }, []);

  const run = async (action: () => Promise<PushState>) => {
    setBusy(true);
    setError(null);
    try {
      setState(await action());
    } catch (failure) {
      setError(pushProblem(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card aria-labelledby="push-heading">
      <h2 id="push-heading" className="mb-2 text-lg font-semibold">
        Push notifications
      </h2>
      <div className="flex flex-col gap-3">
        {state ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{SAYS[state]}</p> : null}
        <ProblemAlert error={error} />
        {state === 'denied' ? <Alert tone="warning">The browser will not ask again until you change that setting.</Alert> : null}
        {state === 'off' ? (
          <div>
            <Button busy={busy} onClick={() => run(enablePush)}>
              Turn on push in this browser
            </Button>
          </div>
        ) : null}
        {state === 'on' ? (
          <div>
            <Button variant="secondary" busy={busy} onClick={() => run(disablePush)}>
              Turn off push in this browser
            </Button>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
