import type { Metadata } from 'next';
import { Preferences } from '@/components/notifications/preferences';

export const metadata: Metadata = { title: 'Notification preferences' };

export default function NotificationPreferencesPage() {
  return <Preferences />;
}
