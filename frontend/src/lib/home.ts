import type { Me } from '../api/types';

/** Where a user lands after logging in. */
export function homeFor(me: Me): string {
  if (me.role === 'admin' || me.role === 'moderator') return '/staff/orgs';
  return me.org ? '/org' : '/account';
}
