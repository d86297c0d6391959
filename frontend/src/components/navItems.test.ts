import type { Me } from '../api/types';
import { navItems, pendingCount, staffItems } from './navItems';

const user = { id: 'u1', email: 'a@b.cn', name: '王', phone: '', created_at: '2030-01-01T00:00:00Z' };
const as = (role: string) => ({ user, role, org: null }) as unknown as Me;

describe('staff navigation', () => {
  it('gives an admin one "platform" link in the bar, so it fits one row, and the pages in their own row', () => {
    const bar = navItems(as('admin')).map((i) => i.to);
    expect(bar).toEqual(['/', '/search', '/contracts', '/staff', '/finance', '/account']);
    expect(staffItems(as('admin')).map((i) => i.to)).toContain('/staff/audit');
    expect(staffItems(as('moderator')).map((i) => i.to)).not.toContain('/staff/audit');
  });

  it('gives finance staff their page and no moderation', () => {
    expect(navItems(as('finance')).map((i) => i.to)).toEqual(['/', '/search', '/contracts', '/finance', '/account']);
    expect(staffItems(as('finance'))).toEqual([]);
  });

  it('sums the queues behind the platform link', () => {
    const staff = navItems(as('moderator')).find((i) => i.to === '/staff')!;
    expect(pendingCount(staff, { orders_to_review: 3, reported_orders: 2, orgs_to_verify: 1 })).toBe(6);
  });
});
