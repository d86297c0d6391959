import type { CompanyInput, Org, OrgKind, OrgPatch, WorkshopInput } from '../../api/types';

/** What the organisation form fields hold (both kinds). */
export interface OrgFormValues {
  kind: OrgKind;
  name?: string;
  region_code?: string;
  address?: string;
  credit_code?: string;
  contact_name?: string;
  contact_phone?: string;
  host?: string;
  lat?: number;
  lng?: number;
  crafts?: string[];
  headcount?: number;
  weekly_capacity?: number;
}

const s = (v?: string) => (v ?? '').trim();

/** The registration payload for the chosen kind (other kind's fields dropped). */
export function toOrgInput(v: OrgFormValues): CompanyInput | WorkshopInput {
  const common = { name: s(v.name), region_code: s(v.region_code), address: s(v.address) };
  if (v.kind === 'company') {
    return {
      kind: 'company',
      ...common,
      credit_code: s(v.credit_code),
      contact_name: s(v.contact_name),
      contact_phone: s(v.contact_phone),
    };
  }
  return {
    kind: 'workshop',
    ...common,
    host: s(v.host),
    lat: v.lat ?? NaN,
    lng: v.lng ?? NaN,
    crafts: v.crafts ?? [],
    headcount: v.headcount ?? 0,
    weekly_capacity: v.weekly_capacity ?? 0,
  };
}

const editable: Record<OrgKind, (keyof OrgPatch)[]> = {
  company: ['name', 'region_code', 'address', 'contact_name', 'contact_phone'],
  workshop: ['name', 'region_code', 'address', 'host', 'lat', 'lng', 'crafts', 'headcount', 'weekly_capacity'],
};

/** Form values for editing an existing organisation. */
export function orgToForm(org: Org): OrgFormValues {
  const out: Record<string, unknown> = { kind: org.kind };
  for (const k of editable[org.kind]) out[k] = (org as unknown as Record<string, unknown>)[k];
  return out as unknown as OrgFormValues;
}

/** Only the fields that changed (PATCH sends a subset). */
export function orgPatch(org: Org, values: OrgFormValues): OrgPatch {
  const input = toOrgInput({ ...orgToForm(org), ...values, kind: org.kind }) as unknown as Record<string, unknown>;
  const before = org as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const k of editable[org.kind]) {
    if (JSON.stringify(input[k]) !== JSON.stringify(before[k])) patch[k] = input[k];
  }
  return patch as OrgPatch;
}
