import dayjs, { type Dayjs } from 'dayjs';
import type { BidInput, BidView, OrderView } from '../../../api/types';
import { fenToYuan, yuanToFen } from '../../../lib/money';

/** What the bid form holds: the price as typed in yuan, the date as a day. */
export interface BidFormValues {
  quantity?: number | null;
  unit_price?: string;
  delivery_date?: Dayjs | null;
  headcount?: number | null;
  message?: string;
  /** ticked when the price works out below the minimum hourly wage */
  confirm_below_minimum_wage?: boolean;
}

/** The smallest quantity a bid may have: the order's minimum, or what is left if less. */
export function minBidQuantity(o: Pick<OrderView, 'min_bid_quantity' | 'remaining_quantity'>): number {
  return Math.min(o.min_bid_quantity, o.remaining_quantity);
}

/** Days a delivery can be promised on: from tomorrow up to the order's delivery deadline. */
export function deliveryDayAllowed(day: Dayjs, deliveryDeadline: string, now = dayjs()): boolean {
  return !day.isBefore(now.add(1, 'day').startOf('day')) && !day.startOf('day').isAfter(dayjs(deliveryDeadline));
}

/** The API body for the form; incomplete fields are left out (the preview
 *  accepts partial bids). The day is sent as local midnight, which is never
 *  after the order's delivery deadline on that same day. */
export function toBidInput(v: BidFormValues): Partial<BidInput> {
  const body: Partial<BidInput> = {};
  if (typeof v.quantity === 'number') body.quantity = v.quantity;
  const price = yuanToFen(v.unit_price);
  if (price != null) body.unit_price = price;
  if (v.delivery_date) body.delivery_date = v.delivery_date.startOf('day').format();
  if (typeof v.headcount === 'number') body.headcount = v.headcount;
  body.message = (v.message ?? '').trim();
  if (v.confirm_below_minimum_wage) body.confirm_below_minimum_wage = true;
  return body;
}

export function newBidForm(o: Pick<OrderView, 'unit_price'>): BidFormValues {
  return { quantity: null, unit_price: fenToYuan(o.unit_price), delivery_date: null, headcount: null, message: '' };
}

export function bidToForm(b: BidView): BidFormValues {
  return {
    quantity: b.quantity,
    unit_price: fenToYuan(b.unit_price),
    delivery_date: dayjs(b.delivery_date),
    headcount: b.headcount,
    message: b.message,
  };
}

/** Only the fields that changed, for PATCH /bids/{id}. */
export function bidPatch(b: BidView, v: BidFormValues): Partial<BidInput> {
  const next = toBidInput(v);
  const patch: Partial<BidInput> = {};
  if (next.quantity !== undefined && next.quantity !== b.quantity) patch.quantity = next.quantity;
  if (next.unit_price !== undefined && next.unit_price !== b.unit_price) patch.unit_price = next.unit_price;
  if (next.delivery_date !== undefined && !dayjs(next.delivery_date).isSame(dayjs(b.delivery_date), 'day')) patch.delivery_date = next.delivery_date;
  if (next.headcount !== undefined && next.headcount !== b.headcount) patch.headcount = next.headcount;
  if (next.message !== undefined && next.message !== b.message) patch.message = next.message;
  // The confirmation goes with any change; it alone is not a change.
  if (next.confirm_below_minimum_wage && Object.keys(patch).length > 0) patch.confirm_below_minimum_wage = true;
  return patch;
}
