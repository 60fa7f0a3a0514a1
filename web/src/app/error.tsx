'use client';

import Link from 'next/link';
import { useEffect } from 'react';

/** What a page that failed on the server shows: a sentence and a way on, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 px-6">
      <h1 className="text-3xl font-bold">This page cannot be shown right now</h1>
      <p className="text-zinc-600 dark:text-zinc-300">
        The platform did not answer as it should. Try again in a moment.
        {error.digest ? ` (Reference ${error.digest}.)` : ''}
      </p>
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Try again
        </button>
        <Link href="/" className="self-center font-medium text-brand-700 hover:underline dark:text-brand-100">
          Go to the home page
        </Link>
      </div>
    </main>
  );
}
