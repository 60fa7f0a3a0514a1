import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SectionTabs } from './section-tabs';

const pathname = vi.hoisted(() => ({ current: '/ai' }));
vi.mock('next/navigation', () => ({ useRouter: () => ({ prefetch: vi.fn() }), usePathname: () => pathname.current }));

const TABS = [
  { href: '/ai', label: 'Plan' },
  { href: '/ai/threads', label: 'Conversations' },
];

describe('SectionTabs', () => {
  it('marks the home tab current on the home page only', () => {
    pathname.current = '/ai';
    render(<SectionTabs label="Assistant" tabs={TABS} />);

    expect(screen.getByRole('navigation', { name: 'Assistant' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Plan' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Conversations' })).not.toHaveAttribute('aria-current');
  });

  it('marks another tab current on its pages below it too', () => {
    pathname.current = '/ai/threads/t-1';
    render(<SectionTabs label="Assistant" tabs={TABS} />);

    expect(screen.getByRole('link', { name: 'Plan' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: 'Conversations' })).toHaveAttribute('aria-current', 'page');
  });
});
