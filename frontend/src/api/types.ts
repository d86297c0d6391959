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
