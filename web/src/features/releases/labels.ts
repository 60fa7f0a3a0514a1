import type { DeliveryStatus, RuleResult } from '@/lib/queries/releases';

/** What each delivery status means to the artist, in the order a delivery goes through them. */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  QUEUED: 'Queued',
  DELIVERING: 'Delivering',
  DELIVERED: 'Delivered, waiting for the store',
  ACCEPTED: 'Accepted by the store',
  REJECTED: 'Rejected by the store',
  LIVE: 'Live',
  TAKEN_DOWN: 'Taken down',
  FAILED: 'Delivery failed',
  OTHER: 'Store answered',
};

export const RELEASE_STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  TAKEN_DOWN: 'Taken down',
};

export function deliveryLabel(status: string | null | undefined): string {
  if (!status) return 'Not submitted';
  return DELIVERY_STATUS_LABELS[status as DeliveryStatus] ?? status;
}

export function releaseStatusLabel(status: string | undefined): string {
  return (status && RELEASE_STATUS_LABELS[status]) ?? status ?? '–';
}

export type StatusTone = 'good' | 'bad' | 'busy' | 'neutral';

export function deliveryTone(status: string | null | undefined): StatusTone {
  if (status === 'ACCEPTED' || status === 'LIVE') return 'good';
  if (status === 'REJECTED' || status === 'FAILED') return 'bad';
  if (status === 'QUEUED' || status === 'DELIVERING' || status === 'DELIVERED') return 'busy';
  return 'neutral';
}

export interface FixLink {
  href: string;
  label: string;
}

/**
 * Where the artist fixes a failing rule: a track's rule on its page, the artist name on the profile, the
 * album's own rules (UPC, genre, label, artwork, tracks) on the album page. The release date is the
 * release's own, chosen when it was created: no page changes it.
 */
export function fixLinkFor(rule: RuleResult, albumId: string | undefined, trackTitle?: string): FixLink | null {
  if (rule.passed) return null;
  if (rule.trackId && rule.rule !== 'track.exists') {
    return { href: `/tracks/${rule.trackId}`, label: `Fix on the page of ${trackTitle ?? `track ${rule.trackNumber ?? ''}`.trim()}` };
  }
  if (rule.rule === 'release.artist') return { href: '/profile', label: 'Fix in your profile' };
  if (rule.rule === 'release.date' || rule.rule === 'platform.configured') return null;
  if (albumId) return { href: `/albums/${albumId}`, label: 'Fix on the album page' };
  return null;
}
