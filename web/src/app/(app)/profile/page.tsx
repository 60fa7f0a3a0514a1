import type { Metadata } from 'next';
import { ProfilePage } from '@/features/profile/profile-form';
import { AvatarUpload } from './avatar-upload';

export const metadata: Metadata = { title: 'Profile' };

export default function Page() {
  return <ProfilePage picture={<AvatarUpload />} />;
}
