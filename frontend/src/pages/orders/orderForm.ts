import dayjs, { type Dayjs } from 'dayjs';
import type { DepositKind, MaterialSupply, OrderDetail, OrderInput } from '../../api/types';
import { photoIds, storedPhoto, type PhotoFile } from '../../components/uploads/photos';
import { bpToPercentText, fenToYuan, parseHundredths } from '../../lib/money';

/** What the form holds: money as yuan text, rates as percent text, times
 *  as dayjs. Field names follow the API's (dotted) paths, so server errors
 *  such as "deposit.amount" land on the right field. */
export interface OrderFormValues {
  title?: string;
  craft?: string;
  tags?: string[];
  description?: string;
  quantity?: number | null;
  unit_price?: string;
  min_bid_quantity?: number | null;
  minutes_per_piece?: number | null;
  bidding_deadline?: Dayjs | null;
  delivery_deadline?: Dayjs | null;
  region_code?: string;
  address?: string;
  lat?: number | null;
  lng?: number | null;
  materials?: { supply?: MaterialSupply; value_per_unit?: string; allowed_loss_bp?: string };
  deposit?: { kind?: DepositKind; amount?: string; rate_bp?: string; waivable?: boolean };
  quality?: { criteria?: string; max_defect_bp?: string; inspection_days?: number | null; rework_rounds?: number | null };
  /** Uploaded sample photos (including ones still on their way). */
  sample_uploads?: PhotoFile[];
  /** The image links an older order was given: they can be removed, not added. */
  sample_links?: string[];
}

/** The server's limit on an order's sample photos, links included (market.MaxSamplePhotos). */
export const MAX_SAMPLE_PHOTOS = 9;

export const defaultOrderForm: OrderFormValues = {
  tags: [],
  materials: { supply: 'company_ships', allowed_loss_bp: '2' },
  deposit: { kind: 'none', waivable: true },
  quality: { max_defect_bp: '3', inspection_days: 7, rework_rounds: 1 },
  sample_uploads: [],
  sample_links: [],
};

const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const hundredths = (v: string | undefined) => parseHundredths(v) ?? undefined;
const text = (v: string | undefined) => (v ?? '').trim();

/** The API body. Fields that cannot be converted are left out (undefined),
 *  which the preview tolerates and the server reports as field errors. */
export function toOrderInput(v: OrderFormValues): Partial<OrderInput> {
  const kind = v.deposit?.kind ?? 'none';
  const supply = v.materials?.supply;
  return {
    title: text(v.title),
    description: text(v.description),
    craft: v.craft,
    tags: v.tags ?? [],
    quantity: num(v.quantity),
    unit_price: hundredths(v.unit_price),
    currency: 'CNY',
    min_bid_quantity: num(v.min_bid_quantity),
    minutes_per_piece: num(v.minutes_per_piece),
    bidding_deadline: v.bidding_deadline?.isValid() ? v.bidding_deadline.format() : undefined,
    delivery_deadline: v.delivery_deadline?.isValid() ? v.delivery_deadline.format() : undefined,
    region_code: v.region_code,
    address: text(v.address),
    lat: num(v.lat),
    lng: num(v.lng),
    materials: supply
      ? {
          supply,
          value_per_unit: hundredths(v.materials?.value_per_unit) ?? 0,
          allowed_loss_bp: hundredths(v.materials?.allowed_loss_bp) ?? 0,
        }
      : undefined,
    deposit: {
      kind,
      amount: kind === 'fixed' || kind === 'per_unit' ? (hundredths(v.deposit?.amount) ?? 0) : 0,
      rate_bp: kind === 'percent_of_material' ? (hundredths(v.deposit?.rate_bp) ?? 0) : 0,
      waivable: kind === 'none' ? false : !!v.deposit?.waivable,
    },
    quality: {
      criteria: text(v.quality?.criteria),
      max_defect_bp: hundredths(v.quality?.max_defect_bp) ?? 0,
      inspection_days: num(v.quality?.inspection_days) ?? 7,
      rework_rounds: num(v.quality?.rework_rounds) ?? 0,
    },
    sample_photos: v.sample_links ?? [],
    sample_photo_ids: photoIds(v.sample_uploads),
  };
}

/** The terms the live preview prices: everything but the sample photos. */
export function previewTerms(v: OrderFormValues): Partial<OrderInput> {
  const terms = toOrderInput(v);
  delete terms.sample_photos;
  delete terms.sample_photo_ids;
  return terms;
}

/** Form values for editing an existing order. */
export function orderToForm(o: OrderDetail): OrderFormValues {
  const pct = (bp: number) => bpToPercentText(bp);
  return {
    title: o.title,
    craft: o.craft,
    tags: o.tags ?? [],
    description: o.description,
    quantity: o.quantity,
    unit_price: fenToYuan(o.unit_price),
    min_bid_quantity: o.min_bid_quantity,
    minutes_per_piece: o.minutes_per_piece,
    bidding_deadline: dayjs(o.bidding_deadline),
    delivery_deadline: dayjs(o.delivery_deadline),
    region_code: o.region_code,
    address: o.address,
    lat: o.lat,
    lng: o.lng,
    materials: { supply: o.materials.supply, value_per_unit: fenToYuan(o.materials.value_per_unit), allowed_loss_bp: pct(o.materials.allowed_loss_bp) },
    deposit: {
      kind: o.deposit.kind,
      amount: o.deposit.amount ? fenToYuan(o.deposit.amount) : undefined,
      rate_bp: o.deposit.rate_bp ? pct(o.deposit.rate_bp) : undefined,
      waivable: o.deposit.waivable,
    },
    quality: {
      criteria: o.quality.criteria,
      max_defect_bp: pct(o.quality.max_defect_bp),
      inspection_days: o.quality.inspection_days,
      rework_rounds: o.quality.rework_rounds,
    },
    sample_uploads: (o.sample_photo_uploads ?? []).map(storedPhoto),
    sample_links: o.sample_photos ?? [],
  };
}

/** JSON with sorted keys, so {a,b} and {b,a} compare equal. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

const sameTime = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && new Date(a).getTime() === new Date(b).getTime();

/** Only what changed (PATCH); nested terms are sent whole when any part changed. */
export function orderPatch(o: OrderDetail, v: OrderFormValues): Partial<OrderInput> {
  const input = toOrderInput(v) as Record<string, unknown>;
  const before = { ...o, sample_photo_ids: (o.sample_photo_uploads ?? []).map((p) => p.id) } as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(input)) {
    if (val === undefined) continue;
    if (k === 'bidding_deadline' || k === 'delivery_deadline') {
      if (!sameTime(val, before[k])) patch[k] = val;
    } else if (k === 'deposit' && (val as { kind: string }).kind === 'none' && (before.deposit as { kind?: string })?.kind === 'none') {
      continue; // no deposit either way (amount / waivable do not matter)
    } else if (stable(val) !== stable(before[k] ?? (Array.isArray(val) ? [] : undefined))) {
      patch[k] = val;
    }
  }
  return patch as Partial<OrderInput>;
}
