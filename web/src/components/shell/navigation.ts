/**
 * The signed-in app's navigation. Each later service adds its section here in its own issue (releases,
 * analytics, money, notifications, AI) with its pages under src/app/(app)/, and its API arrives in the typed
 * client through `npm run gen:api`. A section is listed only once its pages exist.
 */
export interface NavItem {
  href: string;
  label: string;
}

export interface NavSection {
  label: string;
  items: NavItem[];
}

export const NAVIGATION: NavSection[] = [
  { label: 'Overview', items: [{ href: '/dashboard', label: 'Dashboard' }] },
  {
    label: 'Catalogue',
    items: [
      { href: '/tracks', label: 'Tracks' },
      { href: '/albums', label: 'Albums' },
    ],
  },
  {
    label: 'Reach',
    items: [
      { href: '/releases', label: 'Releases' },
      { href: '/analytics', label: 'Analytics' },
    ],
  },
  { label: 'Assistant', items: [{ href: '/ai', label: 'Assistant' }] },
  { label: 'Money', items: [{ href: '/money', label: 'Money' }] },
  { label: 'Inbox', items: [{ href: '/notifications', label: 'Notifications' }] },
  {
    label: 'You',
    items: [
      { href: '/profile', label: 'Profile' },
      { href: '/settings', label: 'Account' },
    ],
  },
];

export function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
