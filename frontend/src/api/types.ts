// API payload types, kept by hand to match the backend contract (/api/v1).

export type ErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'state'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

export type OrgKind = 'company' | 'workshop';
export type OrgRole = 'owner' | 'member';
export type StaffRole = 'admin' | 'moderator';
export type Role = OrgRole | StaffRole;

export interface User {
  id: string;
  email: string;
  name: string;
  phone: string;
  created_at: string;
}

interface OrgBase {
  id: string;
  name: string;
  verified: boolean;
  verified_at: string | null;
  community_guarantee: boolean;
  region_code: string;
  region_name: string;
  address: string;
  created_at: string;
}

export interface Company extends OrgBase {
  kind: 'company';
  credit_code: string;
  contact_name: string;
  contact_phone: string;
}

export interface Workshop extends OrgBase {
  kind: 'workshop';
  host: string;
  lat: number;
  lng: number;
  crafts: string[];
  headcount: number;
  weekly_capacity: number;
}

export type Org = Company | Workshop;

export interface Me {
  user: User;
  org: Org | null;
  role: Role;
}

export interface CompanyInput {
  kind: 'company';
  name: string;
  credit_code: string;
  region_code: string;
  address: string;
  contact_name: string;
  contact_phone: string;
}

export interface WorkshopInput {
  kind: 'workshop';
  name: string;
  host: string;
  region_code: string;
  address: string;
  lat: number;
  lng: number;
  crafts: string[];
  headcount: number;
  weekly_capacity: number;
}

export interface RegisterRequest {
  email: string;
  password: string;
  name: string;
  phone: string;
  org: CompanyInput | WorkshopInput;
}

export interface AuthResponse {
  user: User;
  org: Org | null;
  token: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse extends AuthResponse {
  expires_at: string;
  role: Role;
}

/** PATCH /orgs/{id}: any subset of the editable fields. */
export type OrgPatch = Partial<Omit<CompanyInput, 'kind' | 'credit_code'> & Omit<WorkshopInput, 'kind'>>;

export interface Member {
  user_id: string;
  email: string;
  name: string;
  role: OrgRole;
  joined_at: string;
}

export interface InvitationRequest {
  email: string;
  role: OrgRole;
}

export interface Invitation {
  id: string;
  email: string;
  role: OrgRole;
  expires_at: string;
}

export interface InvitationInfo {
  org_name: string;
  email: string;
  role: OrgRole;
  expires_at: string;
}

export interface AcceptInvitationRequest {
  token: string;
  name: string;
  password: string;
  phone: string;
}

export interface OrgListParams {
  kind?: OrgKind;
  verified?: boolean;
  q?: string;
  page: number;
  per_page: number;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actor_id: string | null;
  actor_email: string;
  action: string;
  target_type: string;
  target_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string;
}

export interface Craft {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface Region {
  code: string;
  name: string;
  children?: Region[];
}

export interface PublicStats {
  companies: number;
  workshops: number;
  verified_companies: number;
  verified_workshops: number;
  residents_headcount: number;
}

// --- orders (issue #4) ---

export type OrderStatus = 'draft' | 'pending_review' | 'published' | 'rejected' | 'suspended' | 'closed';
export const ORDER_STATUSES: OrderStatus[] = ['draft', 'pending_review', 'published', 'rejected', 'suspended', 'closed'];
export type CloseReason = 'awarded' | 'cancelled' | 'expired';
export type MaterialSupply = 'company_ships' | 'workshop_picks_up' | 'workshop_sources';
export type DepositKind = 'none' | 'fixed' | 'per_unit' | 'percent_of_material';
export const DEPOSIT_KINDS: DepositKind[] = ['none', 'fixed', 'per_unit', 'percent_of_material'];

export interface MaterialTerms {
  supply: MaterialSupply;
  /** fen per piece */
  value_per_unit: number;
  allowed_loss_bp: number;
}

export interface DepositTerms {
  kind: DepositKind;
  /** fen: per workshop (fixed) or per piece (per_unit) */
  amount: number;
  rate_bp: number;
  waivable: boolean;
}

export interface QualityTerms {
  criteria: string;
  max_defect_bp: number;
  inspection_days: number;
  rework_rounds: number;
}

/** POST /orders body; PATCH sends a subset. Money in fen, rates in bp. */
export interface OrderInput {
  title: string;
  description: string;
  craft: string;
  tags: string[];
  quantity: number;
  unit_price: number;
  currency: 'CNY';
  min_bid_quantity: number;
  bidding_deadline: string;
  delivery_deadline: string;
  region_code: string;
  address: string;
  lat: number;
  lng: number;
  minutes_per_piece: number;
  materials: MaterialTerms;
  deposit: DepositTerms;
  quality: QualityTerms;
  sample_photos: string[];
}

/** Totals computed by the server (fen, fen/hour). */
export interface OrderTotals {
  order_value: number;
  deposit_min_bid: number;
  deposit_full: number;
  allowed_loss_units: number;
  hourly_equivalent: number;
  min_hourly_wage: number;
  min_wage_province: string;
  min_wage_source: string;
  below_minimum_wage: boolean;
}

export interface CompanyBadge {
  id: string;
  name: string;
  verified: boolean;
}

export interface OrderView extends OrderInput {
  id: string;
  status: OrderStatus;
  close_reason: CloseReason | '';
  status_reason: string;
  /** suspended by reports, waiting for staff */
  auto_suspended: boolean;
  company: CompanyBadge;
  craft_name_zh: string;
  craft_name_en: string;
  region_name: string;
  remaining_quantity: number;
  totals: OrderTotals;
  submitted_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export type OrderAction =
  | 'create'
  | 'submit'
  | 'approve'
  | 'reject'
  | 'suspend'
  | 'reinstate'
  | 'cancel'
  | 'expire'
  | 'edit_terms'
  | 'auto_suspend';

export interface OrderEvent {
  at: string;
  actor_kind: 'company' | 'staff' | 'system';
  actor_name: string;
  action: OrderAction;
  from_status: OrderStatus | '';
  to_status: OrderStatus | '';
  reason: string;
}

export interface OrderDetail extends OrderView {
  mine: boolean;
  history?: OrderEvent[];
  /** For a signed-in workshop: its latest bid on this order (any status). */
  my_bid?: BidView | null;
  /** For a signed-in workshop: the company invited it to bid. */
  invited?: boolean;
  /** For the order's company: bids still `submitted`. */
  open_bids?: number;
}

export interface OrdersPage extends Paginated<OrderView> {
  counts: Partial<Record<OrderStatus, number>>;
}

export interface PreviewResponse {
  quote: OrderTotals | null;
  fields: Record<string, string>;
}

export type ModerationAction = 'approve' | 'reject' | 'suspend' | 'reinstate';

export type ReportReason = 'deposit_scam' | 'unfair_pay' | 'misleading' | 'prohibited' | 'other';
/** Most serious first, as the server orders the staff queue. */
export const REPORT_REASONS: ReportReason[] = ['deposit_scam', 'unfair_pay', 'prohibited', 'misleading', 'other'];
export type ReportStatus = 'open' | 'dismissed' | 'upheld';

export interface Report {
  id: string;
  order_id: string;
  order_title: string;
  order_status: OrderStatus;
  reason: ReportReason;
  detail: string;
  status: ReportStatus;
  reporter_email: string;
  reporter_org_name: string;
  created_at: string;
  resolved_at: string | null;
  resolution_note: string;
}

/** One order's reports in the staff queue. */
export interface ReportGroup {
  order_id: string;
  order_title: string;
  order_status: OrderStatus;
  auto_suspended: boolean;
  count: number;
  top_reason: ReportReason;
  /** most serious first */
  reasons: { reason: ReportReason; count: number }[];
  first_reported_at: string;
  reports: Report[];
}

export interface ReportResolution {
  reports: Report[];
  order?: OrderView;
}

/** Pending items of each staff queue (the navigation's badges). */
export interface StaffCounts {
  orders_to_review: number;
  reported_orders: number;
  orgs_to_verify: number;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  read_at: string | null;
  created_at: string;
}

// --- search (issue #5) ---

export type SearchSort = 'relevance' | 'price_desc' | 'price_asc' | 'deadline' | 'newest' | 'distance';
export const SEARCH_SORTS: SearchSort[] = ['relevance', 'price_desc', 'price_asc', 'deadline', 'newest', 'distance'];

export interface SearchParams {
  q?: string;
  craft?: string;
  region?: string;
  price_min?: number;
  price_max?: number;
  deadline_before?: string;
  deposit?: DepositKind;
  near?: string;
  radius_km?: number;
  sort?: SearchSort;
  page: number;
  per_page: number;
}

export interface SearchHit {
  id: string;
  title: string;
  description: string;
  craft: string;
  craft_name_zh: string;
  craft_name_en: string;
  tags: string[];
  company_id: string;
  company_name: string;
  company_verified: boolean;
  province_code: string;
  city_code: string;
  district_code: string;
  region_name: string;
  lat: number;
  lng: number;
  unit_price: number;
  quantity: number;
  remaining_quantity: number;
  min_bid_quantity: number;
  bidding_deadline: string;
  delivery_deadline: string;
  deposit_kind: DepositKind;
  deposit_min_bid: number;
  deposit_waivable: boolean;
  hourly_equivalent: number;
  below_minimum_wage: boolean;
  published_at: string;
  distance_km?: number | null;
}

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  page: number;
  per_page: number;
  facets: { craft?: Record<string, number>; province?: Record<string, number>; deposit?: Record<string, number> };
}

// --- bidding, contracts, invitations, profiles (issue #6; docs/api-bidding.md) ---

export type BidStatus = 'submitted' | 'accepted' | 'rejected' | 'withdrawn' | 'expired';
export const BID_STATUSES: BidStatus[] = ['submitted', 'accepted', 'rejected', 'withdrawn', 'expired'];

/** POST /orders/{id}/bids, PATCH /bids/{id}, POST /orders/{id}/bids/preview. Money in fen. */
export interface BidInput {
  quantity: number;
  unit_price: number;
  /** RFC 3339 */
  delivery_date: string;
  headcount: number;
  message: string;
  /** the workshop's explicit yes to a price below the minimum hourly wage */
  confirm_below_minimum_wage?: boolean;
}

export interface DepositQuote {
  kind: DepositKind;
  /** fen the workshop owes (0 when none) */
  amount: number;
  /** waived by the workshop's community guarantee */
  waived: boolean;
}

/** What a bid means in money for the workshop. */
export interface BidQuote {
  /** quantity × unit_price: the escrow the company funds if awarded */
  amount: number;
  deposit: DepositQuote;
  /** fen per hour */
  hourly_equivalent: number;
  min_hourly_wage: number;
  /** the workshop's province, whose minimum wage applies (empty when unknown) */
  min_wage_province?: string;
  below_minimum_wage: boolean;
}

export interface BidPreviewResponse {
  quote: BidQuote | null;
  fields: Record<string, string>;
}

export interface WorkshopBadge {
  id: string;
  name: string;
  host: string;
  region_code: string;
  region_name: string;
  verified: boolean;
  community_guarantee: boolean;
}

export interface BidRevision {
  revision: number;
  quantity: number;
  unit_price: number;
  delivery_date: string;
  headcount: number;
  message: string;
  created_at: string;
}

export interface BidView {
  id: string;
  order_id: string;
  order_title: string;
  order_status: OrderStatus;
  company: CompanyBadge;
  workshop: WorkshopBadge;
  status: BidStatus;
  status_reason: string;
  quantity: number;
  unit_price: number;
  currency: string;
  delivery_date: string;
  headcount: number;
  message: string;
  revision: number;
  quote: BidQuote;
  /** when the workshop confirmed a price below the minimum wage (null: not below) */
  below_min_wage_confirmed_at: string | null;
  contract_id: string | null;
  created_at: string;
  updated_at: string;
  history?: BidRevision[];
}

/** Computed from contracts, never typed in; rates are null until there is data. */
export interface TrackRecord {
  completed_contracts: number;
  active_contracts: number;
  on_time_rate: number | null;
  acceptance_rate: number | null;
  disputes: number;
}

export interface BidComparison extends BidView {
  /** workshop to the order's material hand-over point */
  distance_km: number | null;
  fits_remaining: boolean;
  track_record: TrackRecord;
}

export type ContractStatus =
  | 'awaiting_funding'
  | 'active'
  | 'materials_sent'
  | 'in_production'
  | 'delivering'
  | 'settling'
  | 'settled'
  | 'cancelled'
  | 'disputed';
/** The normal path, in order (cancelled and disputed are side exits). */
export const CONTRACT_STEPS: ContractStatus[] = ['awaiting_funding', 'active', 'materials_sent', 'in_production', 'delivering', 'settling', 'settled'];
export const CONTRACT_STATUSES: ContractStatus[] = [...CONTRACT_STEPS, 'cancelled', 'disputed'];

export type NextStep = 'fund_escrow' | 'pay_deposit' | 'send_materials' | 'produce' | 'deliver' | 'inspect' | 'settle' | 'none';

export interface ContractView {
  id: string;
  order_id: string;
  bid_id: string;
  title: string;
  craft: string;
  craft_name_zh: string;
  craft_name_en: string;
  status: ContractStatus;
  company: CompanyBadge;
  workshop: WorkshopBadge;
  quantity: number;
  unit_price: number;
  currency: string;
  escrow_amount: number;
  deposit: DepositQuote;
  commission_bp: number;
  commission_estimate: number;
  workshop_net_estimate: number;
  materials: { supply: MaterialSupply; value_per_unit: number; allowed_loss_bp: number; allowed_loss_units: number };
  quality: QualityTerms;
  due_date: string;
  handover: { address: string; region_code: string; region_name: string; lat: number; lng: number };
  next_step: NextStep;
  created_at: string;
  updated_at: string;
}

/** A company's invitation to a workshop to bid on an order. */
export interface BidInvitation {
  order_id: string;
  workshop: WorkshopBadge;
  message: string;
  created_at: string;
  bid_status: BidStatus | null;
}

export type WorkshopSort = 'relevance' | 'distance' | 'capacity' | 'newest';
export const WORKSHOP_SORTS: WorkshopSort[] = ['relevance', 'distance', 'capacity', 'newest'];

export interface WorkshopSearchParams {
  q?: string;
  craft?: string;
  region?: string;
  near?: string;
  radius_km?: number;
  min_capacity?: number;
  verified?: 1;
  guaranteed?: 1;
  sort?: WorkshopSort;
  page: number;
  per_page: number;
}

export interface WorkshopHit {
  id: string;
  name: string;
  host: string;
  region_code: string;
  region_name: string;
  crafts: string[];
  headcount: number;
  weekly_capacity: number;
  verified: boolean;
  community_guarantee: boolean;
  completed_contracts: number;
  distance_km?: number | null;
}

export interface WorkshopSearchResponse {
  hits: WorkshopHit[];
  total: number;
  page: number;
  per_page: number;
  facets: { craft?: Record<string, number>; province?: Record<string, number> };
}

export interface CompanyRecord {
  orders_published: number;
  contracts_awarded: number;
  contracts_settled: number;
  rejection_rate: number | null;
  disputes: number;
}

/** GET /profiles/{org_id} (public). */
export interface Profile {
  id: string;
  kind: OrgKind;
  name: string;
  region_code: string;
  region_name: string;
  verified: boolean;
  community_guarantee: boolean;
  host?: string;
  crafts?: string[];
  headcount?: number;
  weekly_capacity?: number;
  created_at: string;
  track_record?: TrackRecord;
  company_record?: CompanyRecord;
  open_orders?: OrderView[];
}
