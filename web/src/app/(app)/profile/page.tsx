import type { Metadata } from 'next';
import { ProfilePage } from '@/features/profile/profile-form';

export const metadata: Metadata = { title: 'Profile' };

export default function Page() {
  return <ProfilePage />;
}
