import type { Metadata } from 'next';
import { Settings } from '@/features/account/settings';

export const metadata: Metadata = { title: 'Account' };

export default function SettingsPage() {
  return <Settings />;
}
