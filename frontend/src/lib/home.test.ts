import { homeFor } from './home';
import type { Me } from '../api/types';

const user = { id: 'u1', email: 'a@b.cn', name: '王', phone: '', created_at: '2030-01-01T00:00:00Z' };
const org = {
  id: 'o1',
  name: '组织',
  verified: true,
  verified_at: null,
  community_guarantee: false,
  region_code: '371602',
  region_name: '山东省 滨州市 滨城区',
  address: '',
  created_at: '2030-01-01T00:00:00Z',
};

describe('homeFor: each role lands where its work is', () => {
  it('sends a company to its orders', () => {
    expect(homeFor({ user, role: 'owner', org: { ...org, kind: 'company' } } as Me)).toBe('/orders');
  });
  it('sends a workshop to the orders nearest its map point, by distance', () => {
    const to = homeFor({ user, role: 'member', org: { ...org, kind: 'workshop', lat: 37.38, lng: 117.97 } } as Me);
    const url = new URL(to, 'http://x');
    expect(url.pathname).toBe('/search');
    expect(url.searchParams.get('sort')).toBe('distance');
    expect(url.searchParams.get('near')).toBe('37.38,117.97');
  });
  it('sends staff to the moderation queue', () => {
    expect(homeFor({ user, role: 'moderator', org: null } as Me)).toBe('/staff/orders');
    expect(homeFor({ user, role: 'admin', org: null } as Me)).toBe('/staff/orders');
  });
  it('sends finance staff to the finance page, where their work is', () => {
    expect(homeFor({ user, role: 'finance', org: null } as Me)).toBe('/finance');
  });
});
