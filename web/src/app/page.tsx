import Link from 'next/link';

export default function LandingPage() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center gap-8 px-6 py-16">
      <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Not a Label</h1>
      <p className="text-lg text-zinc-600 dark:text-zinc-300">
        What a label gives its artists, without the label: your catalogue with real audio processing, releases
        to the stores, analytics, payouts and guidance grounded in your own numbers.
      </p>
      <div className="flex flex-wrap gap-4">
        <Link
          href="/signup"
          className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700"
        >
          Create an account
        </Link>
        <Link
          href="/login"
          className="rounded-md border border-zinc-300 px-5 py-2.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          Sign in
        </Link>
      </div>
    </main>
  );
}
