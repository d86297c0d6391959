import type { OrgListParams, SearchParams, WorkshopSearchParams } from './types';

// Every query key, in one place, so a refresh names exactly what it refreshes.
// A key's first parts are its group: invalidating a prefix (e.g. contractsKey)
// refreshes everything under it.

// --- who I am, organisations, reference data ---
export const meKey = ['me'] as const;
export const orgKey = (id: string) => ['org', id] as const;
export const membersKey = (id: string) => ['org', id, 'members'] as const;
export const payoutKey = (orgId: string) => ['org', orgId, 'payout'] as const;
export const documentsKey = (orgId: string) => ['org', orgId, 'documents'] as const;
export const orgListKey = (p?: OrgListParams) => (p ? (['orgs', p] as const) : (['orgs'] as const));
export const auditKey = (p?: object) => (p ? (['audit', p] as const) : (['audit'] as const));
export const invitationKey = (token: string) => ['invitation', token] as const;
/** Reference data; kept when someone logs in or out (auth.ts). */
export const metaKey = ['meta'] as const;
export const craftsKey = ['meta', 'crafts'] as const;
/** The provinces; a province's (or city's) subtree; the branches to a typed name. */
export const regionsKey = ['meta', 'regions'] as const;
export const regionSubtreeKey = (parent: string) => ['meta', 'regions', 'parent', parent] as const;
export const regionSearchKey = (q: string) => ['meta', 'regions', 'q', q] as const;
export const mapKey = ['meta', 'map'] as const;
export const profilesKey = ['profiles'] as const;
export const profileKey = (id: string) => ['profiles', id] as const;

// --- statistics ---
export const statsKey = ['stats', 'public'] as const;
export const platformStatsKey = ['stats', 'platform'] as const;
export const publicImpactKey = ['stats', 'impact'] as const;
export const platformImpactKey = ['stats', 'impact', 'workshops'] as const;

// --- orders: everything starts with 'orders' so one invalidation refreshes it all ---
export const ordersKey = ['orders'] as const;
export const myOrdersKey = (status: string, page: number) => ['orders', 'mine', status, page] as const;
export const orderKey = (id: string) => ['orders', 'detail', id] as const;
export const orderPreviewKey = (terms: string) => ['orders', 'preview', terms] as const;
export const moderationKey = (status?: string, page?: number) =>
  status ? (['orders', 'moderation', status, page ?? 1] as const) : (['orders', 'moderation'] as const);
export const reportsKey = (status?: string, page?: number) => (status ? (['reports', status, page ?? 1] as const) : (['reports'] as const));
export const staffCountsKey = ['staff', 'counts'] as const;
export const notificationsKey = ['notifications'] as const;
export const notificationListKey = (page: number) => ['notifications', 'list', page] as const;
export const unreadCountKey = ['notifications', 'unread'] as const;
export const synonymsKey = ['synonyms'] as const;

// --- search: both searches under 'search', refreshed when an order or synonym changes ---
export const searchKey = ['search'] as const;
export const orderSearchKey = (p: SearchParams) => ['search', p] as const;
export const workshopSearchKey = (p: WorkshopSearchParams) => ['search', 'workshops', p] as const;

// --- bidding: bids on one order live under 'orders' so an order change
// refreshes them; the workshop's own list under 'bids' ---
export const bidsKey = ['bids'] as const;
export const myBidsKey = (status: string, page: number) => ['bids', 'mine', status, page] as const;
export const bidKey = (id: string) => ['bids', 'detail', id] as const;
export const orderBidsKey = (orderId: string) => ['orders', 'bids', orderId] as const;
export const bidPreviewKey = (orderId: string, terms: string) => ['orders', 'bid-preview', orderId, terms] as const;
export const orderInvitationsKey = (orderId: string) => ['orders', 'invitations', orderId] as const;

// --- contracts: a contract's money and statement live under 'contracts' so
// every contract action (funding, cancelling, deliveries, settlement) refreshes them ---
export const contractsKey = ['contracts'] as const;
export const contractListKey = (status: string, page: number) => ['contracts', 'list', status, page] as const;
export const contractKey = (id: string) => ['contracts', 'detail', id] as const;
export const paymentsKey = (id: string) => ['contracts', 'payments', id] as const;
export const ledgerKey = (id: string) => ['contracts', 'ledger', id] as const;
export const statementKey = (id: string) => ['contracts', 'statement', id] as const;
export const paymentKey = (id: string) => ['payments', id] as const;

// --- finance staff ---
export const financeKey = ['finance'] as const;
export const financePaymentsKey = (status: string, page: number) => ['finance', 'payments', status, page] as const;
export const financeDisbursementsKey = (status: string, page: number) => ['finance', 'disbursements', status, page] as const;
export const financeCountKey = (kind: 'payments' | 'disbursements', status: string) => ['finance', kind, 'count', status] as const;

// --- fulfilment: everything under 'fulfilment' so one invalidation refreshes it ---
export const fulfilmentKey = ['fulfilment'] as const;
export const timelineKey = (contractId: string) => ['fulfilment', 'timeline', contractId] as const;
export const messagesKey = (contractId: string) => ['fulfilment', 'messages', contractId] as const;
export const disputesKey = (status: string, page: number) => ['fulfilment', 'disputes', status, page] as const;
export const disputeKey = (id: string) => ['fulfilment', 'dispute', id] as const;
export const decisionPreviewKey = (id: string, accepted: number) => ['fulfilment', 'dispute', id, 'preview', accepted] as const;

// --- workshop operations: everything under 'ops' so one invalidation refreshes it ---
export const opsKey = ['ops'] as const;
export const residentsKey = (workshopId: string, q: string, active: string, page: number) =>
  ['ops', 'residents', workshopId, q, active, page] as const;
export const sheetKey = (contractId: string) => ['ops', 'sheet', contractId] as const;
export const distributionKey = (contractId: string, fundBp: number | null) => ['ops', 'distribution', contractId, fundBp] as const;
export const impactKey = (workshopId: string) => ['ops', 'impact', workshopId] as const;
