// API payload types: thin aliases over openapi.ts, which `npm run gen:api`
// generates from the server's OpenAPI document (never edit that file; the
// names here are the ones the pages import). `make lint` fails when the
// generated files are stale.
import type { components, operations } from './openapi';

type S = components['schemas'];
/** The query parameters of an operation. */
type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

/** The keys of a literal naming every member of T once, in order (a compile error otherwise). */
function every<T extends string>(members: Record<T, true>): T[] {
  return Object.keys(members) as T[];
}

// --- errors, pages ---

export type ErrorBody = S['ErrorBody'];
export type ErrorCode = S['ErrorDetail']['code'];

// --- accounts and organisations ---

export type OrgKind = S['OrgView']['kind'];
export type Role = S['MeResponse']['role'];
export type User = S['UserView'];
export type Org = S['OrgView'];
/** An organisation of one kind: the fields the server sends for that kind are present. */
export type Company = Org & { kind: 'company' } & Required<Pick<Org, 'credit_code' | 'contact_name' | 'contact_phone'>>;
export type Workshop = Org & { kind: 'workshop' } & Required<Pick<Org, 'host' | 'lat' | 'lng' | 'crafts' | 'headcount' | 'weekly_capacity'>>;
export type Me = S['MeResponse'];
export type OrgInput = S['OrgInput'];
export type CompanyInput = OrgInput & { kind: 'company' };
export type WorkshopInput = OrgInput & { kind: 'workshop' };
export type RegisterRequest = S['RegisterRequest'];
export type AuthResponse = S['AuthResponse'];
export type LoginRequest = S['LoginRequest'];
/** PATCH /orgs/{id}: any subset of the editable fields. */
export type OrgPatch = NonNullable<operations['patch_orgs_by_id']['requestBody']>['content']['application/json'];
export type Member = S['MemberView'];
export type InvitationRequest = S['InviteRequest'];
export type Invitation = S['InvitationView'];
export type InvitationInfo = S['InvitationInfo'];
export type AcceptInvitationRequest = S['AcceptInvitationRequest'];
export type OrgListParams = QueryOf<'get_orgs'>;
export type AuditEntry = S['AuditView'];
export type AuditParams = QueryOf<'get_audit'>;
export type AuditAction = AuditEntry['action'];
export const AUDIT_ACTIONS = every<AuditAction>({
  'org.verify': true,
  'org.unverify': true,
  'org.guarantee': true,
  'order.approve': true,
  'order.reject': true,
  'order.suspend': true,
  'order.reinstate': true,
  'report.dismissed': true,
  'report.upheld': true,
  'payment.confirm': true,
  'disbursement.sent': true,
  'contract.cancel': true,
  'contract.lapse': true,
  'contract.settle': true,
  'dispute.resolve': true,
  'synonyms.create': true,
  'synonyms.update': true,
  'synonyms.delete': true,
});

// --- reference data ---

export type Craft = S['Craft'];
export type Region = S['RegionNode'];
export type MapConfig = S['MapConfig'];
export type PublicStats = S['PublicStats'];

// --- orders ---

export type OrderStatus = S['OrderView']['status'];
export const ORDER_STATUSES = every<OrderStatus>({
  draft: true,
  pending_review: true,
  published: true,
  rejected: true,
  suspended: true,
  closed: true,
});
export type CloseReason = NonNullable<S['OrderView']['close_reason']>;
export type MaterialSupply = S['MaterialTerms']['supply'];
export type DepositKind = S['DepositTerms']['kind'];
export const DEPOSIT_KINDS = every<DepositKind>({ none: true, fixed: true, per_unit: true, percent_of_material: true });
export type MaterialTerms = S['MaterialTerms'];
export type DepositTerms = S['DepositTerms'];
export type QualityTerms = S['QualityTerms'];
/** POST /orders: every term given (the server's fields are nullable so PATCH can send a subset). */
export type OrderInput = { [K in keyof S['OrderInput']]-?: NonNullable<S['OrderInput'][K]> };
export type OrderTotals = S['OrderQuote'];
export type CompanyBadge = S['CompanyBadge'];
export type OrderView = S['OrderView'];
export type OrderEvent = S['OrderEventView'];
export type OrderDetail = S['OrderDetail'];
export type OrdersPage = S['OrdersPage'];
export type PreviewResponse = S['PreviewResponse'];
export type ModerationAction = 'approve' | 'reject' | 'suspend' | 'reinstate';
export type ReportReason = S['ReportView']['reason'];
/** Most serious first, as the server orders the staff queue. */
export const REPORT_REASONS = every<ReportReason>({ deposit_scam: true, unfair_pay: true, prohibited: true, misleading: true, other: true });
export type ReportStatus = S['ReportView']['status'];
export type Report = S['ReportView'];
/** One order's reports in the staff queue. */
export type ReportGroup = S['ReportGroup'];
/** Pending items of each staff queue (the navigation's badges). */
export type StaffCounts = S['StaffCounts'];
export type Notification = S['NotificationView'];

// --- search ---

export type SearchSort = NonNullable<QueryOf<'get_search_orders'>['sort']>;
export const SEARCH_SORTS = every<SearchSort>({
  relevance: true,
  price_desc: true,
  price_asc: true,
  deadline: true,
  newest: true,
  distance: true,
  company_rating: true,
  company_rejection: true,
});
/** The order search's URL state: the query parameters, with a page always set. */
export type SearchParams = QueryOf<'get_search_orders'> & { page: number; per_page: number };
export type SearchHit = S['SearchHit'];

// --- bidding, contracts, invitations, profiles ---

export type BidStatus = S['BidView']['status'];
export const BID_STATUSES = every<BidStatus>({ submitted: true, accepted: true, rejected: true, withdrawn: true, expired: true });
export type BidInput = S['BidRequest'];
export type DepositQuote = S['BidDeposit'];
export type BidQuote = S['BidQuote'];
export type BidPreviewResponse = S['BidPreviewResponse'];
export type WorkshopBadge = S['WorkshopBadge'];
export type BidView = S['BidView'];
export type TrackRecord = S['TrackRecord'];
export type BidComparison = S['BidComparison'];
export type ContractStatus = S['ContractView']['status'];
export const CONTRACT_STATUSES = every<ContractStatus>({
  awaiting_funding: true,
  active: true,
  materials_sent: true,
  in_production: true,
  delivering: true,
  settling: true,
  settled: true,
  lapsed: true,
  cancelled: true,
});
export type NextStep = S['NextStep'];
export type ContractView = S['ContractView'];

export type WorkshopSort = NonNullable<QueryOf<'get_search_workshops'>['sort']>;
export const WORKSHOP_SORTS = every<WorkshopSort>({
  relevance: true,
  distance: true,
  capacity: true,
  newest: true,
  completed: true,
  on_time: true,
  acceptance: true,
  rating: true,
});
export type WorkshopSearchParams = QueryOf<'get_search_workshops'> & { page: number; per_page: number };
export type WorkshopHit = S['WorkshopSearchHit'];
/** How a search was answered (both search endpoints): total_exact, match, words, matched_words. */
export type SearchMeta = Pick<S['SearchOrdersResponse'], 'total_exact' | 'match' | 'words' | 'matched_words'>;
/** GET /synonyms (staff): built-in groups (no id) and staff's. */
export type SynonymGroup = S['GroupView'];
export type SynonymsResponse = S['Groups'];
export type CompanyRecord = S['CompanyRecord'];
/** GET /profiles/{org_id} (public). */
export type Profile = S['Profile'];

// --- workshop operations: roster, piece records, distribution, impact ---

export type ResidentView = S['ResidentView'];
export type TagConsent = S['TagConsent'];
export type ResidentTag = TagConsent['tag'];
export const RESIDENT_TAGS = every<ResidentTag>({ elderly: true, disabled: true, low_income: true, caregiver: true });
export type ResidentInput = S['ResidentRequest'];
export type ImportResult = S['ImportResult'];
export type ContractBrief = S['ContractBrief'];
export type SheetRow = S['SheetRow'];
export type Reconciliation = S['Reconciliation'];
export type PieceChange = S['PieceChange'];
export type SheetView = S['SheetView'];
export type PieceSave = S['SavePiecesRequest'];
export type HandoutInput = S['HandoutRequest'];
export type DistributionView = S['DistributionView'];
export type DistributionLine = S['DistributionLine'];
export type PaidMethod = Exclude<DistributionLine['paid_method'], ''>;
export type ImpactGroup = S['ImpactGroup'];
export type WorkshopImpact = S['WorkshopImpact'];
export type PublicImpact = S['PublicImpact'];
export type PlatformImpact = S['PlatformImpact'];
export type ImpactPeriod = S['ImpactPeriod'];
export type ImpactChange = S['ImpactChange'];
