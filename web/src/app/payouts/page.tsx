import { redirect } from 'next/navigation';

/**
 * Stripe's onboarding returns to `<APP_BASE_URL>/payouts?onboarding=done|refresh` (payment-service's
 * AccountLink): the payouts live on the money page.
 */
export default async function PayoutsReturn({ searchParams }: { searchParams: Promise<{ onboarding?: string }> }) {
  const { onboarding } = await searchParams;
  redirect(onboarding === 'done' || onboarding === 'refresh' ? `/money?onboarding=${onboarding}#payouts` : '/money#payouts');
}
