import type { Me, StaffCounts } from '../api/types';
import type { MessageKey } from '../i18n';
import { isAdmin, isFinance, isStaff } from '../auth/useMe';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** staff queues: the counts of what waits there, summed into one badge */
  pending?: (keyof StaffCounts)[];
}

/** The links a user sees, in order. "找订单" is for everyone. Staff get one
 *  "平台管理" link; its pages have their own row (staffItems), so the bar
 *  stays one row at 1280 px. */
export function navItems(me: Me | null | undefined): NavItem[] {
  const items: NavItem[] = [
    { to: '/', label: 'nav.home' },
    { to: '/search', label: 'nav.search' },
  ];
  if (!me) return [...items, { to: '/impact', label: 'nav.impact' }];
  if (me.org?.kind === 'company') items.push({ to: '/orders', label: 'nav.myOrders' }, { to: '/workshops', label: 'nav.workshops' });
  if (me.org?.kind === 'workshop') items.push({ to: '/bids', label: 'nav.myBids' });
  if (me.org || isStaff(me) || isFinance(me)) items.push({ to: '/contracts', label: 'nav.contracts' });
  if (me.org?.kind === 'workshop') items.push({ to: '/workshop/residents', label: 'nav.residents' }, { to: '/workshop/impact', label: 'nav.workshopImpact' });
  if (me.org) items.push({ to: '/org', label: 'nav.org' });
  if (isStaff(me)) items.push({ to: '/staff', label: 'nav.staff', pending: ['orders_to_review', 'reported_orders', 'orgs_to_verify'] });
  if (isFinance(me)) items.push({ to: '/finance', label: 'nav.finance' });
  items.push({ to: '/account', label: 'nav.account' });
  return items;
}

/** The platform-management pages a staff member sees, in the row under the bar. */
export function staffItems(me: Me | null | undefined): NavItem[] {
  if (!isStaff(me)) return [];
  const items: NavItem[] = [
    { to: '/staff/orders', label: 'nav.moderation', pending: ['orders_to_review'] },
    { to: '/staff/reports', label: 'nav.reports', pending: ['reported_orders'] },
    { to: '/staff/orgs', label: 'nav.staffOrgs', pending: ['orgs_to_verify'] },
    { to: '/staff/disputes', label: 'nav.disputes' },
    { to: '/staff/stats', label: 'nav.platformStats' },
    { to: '/staff/impact', label: 'nav.staffImpact' },
    { to: '/staff/synonyms', label: 'nav.synonyms' },
  ];
  if (isAdmin(me)) items.push({ to: '/staff/audit', label: 'nav.staffAudit' });
  return items;
}

/** What waits behind a link: the sum of its queues' counts. */
export function pendingCount(i: NavItem, counts: StaffCounts | undefined): number {
  return (i.pending ?? []).reduce((n, k) => n + (counts?.[k] ?? 0), 0);
}

/** The nav item that matches the current path best (the longest prefix). */
export function activeKey(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((i) => (i.to === '/' ? pathname === '/' : pathname === i.to || pathname.startsWith(i.to + '/')))
    .map((i) => i.to)
    .sort((a, b) => b.length - a.length)[0];
}
