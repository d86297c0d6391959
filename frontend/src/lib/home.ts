import type { Me } from '../api/types';
import { RADII } from '../pages/search/searchQuery';

/** Where a user lands after logging in: where their work is. A company sees
 *  its orders; a workshop the published orders nearest its map point;
 *  moderators (and admins) the moderation queue; finance staff the money. */
export function homeFor(me: Me): string {
  if (me.role === 'admin' || me.role === 'moderator') return '/staff/orders';
  if (me.role === 'finance') return '/finance';
  const org = me.org;
  if (!org) return '/account';
  if (org.kind === 'company') return '/orders';
  if (org.lat == null || org.lng == null) return '/search';
  const near = `${org.lat},${org.lng}`;
  return `/search?${new URLSearchParams({ sort: 'distance', near, radius_km: String(RADII[RADII.length - 1]) })}`;
}
