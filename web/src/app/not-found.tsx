import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 px-6">
      <h1 className="text-3xl font-bold">Nothing here</h1>
      <p className="text-zinc-600 dark:text-zinc-300">This page does not exist, or the artist has chosen another handle.</p>
      <Link href="/" className="font-medium text-brand-700 hover:underline dark:text-brand-100">
        Go to the home page
      </Link>
    </main>
  );
}
