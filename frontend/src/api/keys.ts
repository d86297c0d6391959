import type { OrgListParams } from './types';

// Query keys in one place so invalidation stays consistent.
export const meKey = ['me'] as const;
export const orgKey = (id: string) => ['org', id] as const;
export const membersKey = (id: string) => ['org', id, 'members'] as const;
export const orgListKey = (p?: OrgListParams) => (p ? (['orgs', p] as const) : (['orgs'] as const));
export const auditKey = (page?: number) => (page ? (['audit', page] as const) : (['audit'] as const));
export const invitationKey = (token: string) => ['invitation', token] as const;
export const craftsKey = ['meta', 'crafts'] as const;
export const regionsKey = ['meta', 'regions'] as const;
export const statsKey = ['stats', 'public'] as const;
