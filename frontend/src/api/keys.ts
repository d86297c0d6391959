import type { OrderStatus, OrgListParams, ReportStatus, SearchParams } from './types';

// Query keys in one place so invalidation stays consistent.
export const meKey = ['me'] as const;
export const orgKey = (id: string) => ['org', id] as const;
export const membersKey = (id: string) => ['org', id, 'members'] as const;
export const orgListKey = (p?: OrgListParams) => (p ? (['orgs', p] as const) : (['orgs'] as const));
export const auditKey = (p?: object) => (p ? (['audit', p] as const) : (['audit'] as const));
export const invitationKey = (token: string) => ['invitation', token] as const;
export const craftsKey = ['meta', 'crafts'] as const;
export const regionsKey = ['meta', 'regions'] as const;
export const mapKey = ['meta', 'map'] as const;
export const statsKey = ['stats', 'public'] as const;

// Everything about orders starts with 'orders' so one invalidation refreshes it all.
export const ordersKey = ['orders'] as const;
export const myOrdersKey = (status: OrderStatus | '', page: number) => ['orders', 'mine', status, page] as const;
export const orderKey = (id: string) => ['orders', 'detail', id] as const;
export const moderationKey = (status?: OrderStatus, page?: number) =>
  status ? (['orders', 'moderation', status, page ?? 1] as const) : (['orders', 'moderation'] as const);
export const reportsKey = (status?: ReportStatus, page?: number) =>
  status ? (['reports', status, page ?? 1] as const) : (['reports'] as const);
export const staffCountsKey = ['staff', 'counts'] as const;
export const notificationsKey = ['notifications'] as const;
export const notificationListKey = (page: number) => ['notifications', 'list', page] as const;
export const unreadCountKey = ['notifications', 'unread'] as const;
export const searchKey = (p: SearchParams) => ['search', p] as const;
export const synonymsKey = ['synonyms'] as const;

// Bidding (issue #6). Bids on one order live under 'orders' so an order
// change refreshes them; the workshop's own list under 'bids'.
export const bidsKey = ['bids'] as const;
export const myBidsKey = (status: string, page: number) => ['bids', 'mine', status, page] as const;
export const bidKey = (id: string) => ['bids', 'detail', id] as const;
export const orderBidsKey = (orderId: string) => ['orders', 'bids', orderId] as const;
export const orderInvitationsKey = (orderId: string) => ['orders', 'invitations', orderId] as const;
export const contractsKey = ['contracts'] as const;
export const contractListKey = (status: string, page: number) => ['contracts', 'list', status, page] as const;
export const contractKey = (id: string) => ['contracts', 'detail', id] as const;
export const workshopSearchKey = (p: unknown) => ['search', 'workshops', p] as const;
export const profileKey = (id: string) => ['profiles', id] as const;
