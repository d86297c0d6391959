// API payload types, kept by hand to match the backend contract (/api/v1).

export type ErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'state'
  | 'rate_limited'
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
export const REPORT_REASONS: ReportReason[] = ['deposit_scam', 'unfair_pay', 'misleading', 'prohibited', 'other'];
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
