'use client';

import { AlertDialog } from 'radix-ui';
import { useState } from 'react';
import { Button } from './button';
import { ProblemAlert } from './problem-alert';

/** A destructive action asked twice: the dialog stays open with the reason when the platform refuses. */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirm,
  onConfirm,
  busy,
  error,
  children,
  confirmDisabled,
}: {
  trigger: string;
  title: string;
  description: string;
  confirm: string;
  onConfirm: () => void;
  busy?: boolean;
  error?: unknown;
  children?: React.ReactNode;
  confirmDisabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger asChild>
        <Button variant="danger">{trigger}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl dark:bg-zinc-900">
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">{description}</AlertDialog.Description>
          <form
            className="mt-4 flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              onConfirm();
            }}
          >
            {children}
            <ProblemAlert error={error} />
            <div className="flex justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button variant="secondary">Keep it</Button>
              </AlertDialog.Cancel>
              <Button type="submit" variant="danger" busy={busy} disabled={confirmDisabled}>
                {confirm}
              </Button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
