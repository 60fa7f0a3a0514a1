'use client';

import { NotificationBell } from '@/components/notifications/bell';
import { AppLink } from '@/components/ui/app-link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Loading } from '@/components/ui/states';
import { toProblem } from '@/lib/api/problem';
import { displayNameOf, useMe, useSignOut } from '@/lib/queries/account';
import { isCurrent, NAVIGATION } from './navigation';
import { ThemeMenu } from './theme-menu';

function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-6">
      {NAVIGATION.map((section) => (
        <div key={section.label}>
          <p className="px-3 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{section.label}</p>
          <ul className="mt-2 flex flex-col gap-0.5">
            {section.items.map((item) => {
              const current = isCurrent(pathname, item.href);
              return (
                <li key={item.href}>
                  <AppLink
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={current ? 'page' : undefined}
                    className={cn(
                      'block rounded-md px-3 py-2 text-sm font-medium',
                      current
                        ? 'bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-white'
                        : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
                    )}
                  >
                    {item.label}
                  </AppLink>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/** The signed-in frame: it asks who is signed in and sends anyone else to the sign-in page. */
export function AppShell({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const me = useMe();
  const signOut = useSignOut();
  const menu = useRef<HTMLDialogElement>(null);
  const unauthorized = me.error ? toProblem(me.error).isUnauthorized : false;
  // Signing out empties the cache, so "who is signed in" is asked again and answered 401 while the
  // sign-out still navigates: that answer must not send the artist to /login?next=... instead.
  const signingOut = useRef(false);

  useEffect(() => {
    if (unauthorized && !signingOut.current) router.replace(`/login?next=${encodeURIComponent(pathname)}`);
  }, [unauthorized, pathname, router]);

  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <aside className="hidden border-r border-zinc-200 px-3 py-6 md:block dark:border-zinc-800">
        <AppLink href="/dashboard" className="mb-8 block px-3 text-lg font-bold tracking-tight">
          Not a Label
        </AppLink>
        <NavLinks />
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex items-center gap-2 border-b border-zinc-200 bg-white/90 px-4 py-2 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
          <Button variant="ghost" size="sm" className="md:hidden" aria-label="Open the menu" onClick={() => menu.current?.showModal()}>
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M4 6h16M4 12h16M4 18h16" />
            </svg>
          </Button>
          {/* A native modal dialog: focus moves in and stays, Escape closes it, and it costs no script. */}
          <dialog
            ref={menu}
            aria-label="Menu"
            onClick={(event) => {
              if (event.target === event.currentTarget) menu.current?.close();
            }}
            className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:bg-zinc-950 dark:text-zinc-100"
          >
            <div className="mb-6 flex items-center justify-between">
              <p className="text-lg font-bold">Not a Label</p>
              <Button variant="ghost" size="sm" onClick={() => menu.current?.close()}>
                Close
              </Button>
            </div>
            <NavLinks onNavigate={() => menu.current?.close()} />
          </dialog>
          <AppLink href="/dashboard" className="font-bold tracking-tight md:hidden">
            Not a Label
          </AppLink>
          <div className="ml-auto flex items-center gap-2">
            {me.data ? (
              <span className="hidden text-sm text-zinc-600 sm:inline dark:text-zinc-300">{displayNameOf(me.data)}</span>
            ) : null}
            {me.data ? <NotificationBell /> : null}
            <ThemeMenu />
            <Button
              variant="secondary"
              size="sm"
              busy={signOut.isPending}
              onClick={() => {
                signingOut.current = true;
                signOut.mutate(undefined, { onSettled: () => router.replace('/login?signedOut=1') });
              }}
            >
              Sign out
            </Button>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {me.data ? children : me.error && !unauthorized ? <ProblemAlert error={me.error} /> : <Loading />}
        </main>
      </div>
    </div>
  );
}
