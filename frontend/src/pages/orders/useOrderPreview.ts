import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { previewOrder } from '../../api/orders';
import { orderPreviewKey } from '../../api/keys';
import type { MessageKey, TFunction } from '../../i18n';
import type { OrderInput } from '../../api/types';

/** Live totals from POST /orders/preview, debounced while typing. */
export function useOrderPreview(body: Partial<OrderInput>, delay = 400) {
  const json = JSON.stringify(body);
  const [debounced, setDebounced] = useState(json);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(json), delay);
    return () => clearTimeout(id);
  }, [json, delay]);
  const q = useQuery({
    queryKey: orderPreviewKey(debounced),
    queryFn: ({ signal }) => previewOrder(JSON.parse(debounced) as Partial<OrderInput>, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  return { ...q, settling: json !== debounced || q.isFetching };
}

/** The quote's inputs and their form labels. */
const QUOTE_FIELDS: [string, (kind: string) => MessageKey][] = [
  ['quantity', () => 'field.quantity'],
  ['unit_price', () => 'field.unitPrice'],
  ['min_bid_quantity', () => 'field.minBid'],
  ['minutes_per_piece', () => 'field.minutesPerPiece'],
  ['region_code', () => 'field.region'],
  ['materials.supply', () => 'field.supply'],
  ['materials.value_per_unit', () => 'field.materialValue'],
  ['materials.allowed_loss_bp', () => 'field.allowedLoss'],
  ['deposit.kind', () => 'field.depositKind'],
  ['deposit.amount', (kind) => (kind === 'fixed' ? 'field.depositFixed' : 'field.depositPerUnit')],
  ['deposit.rate_bp', () => 'field.depositRate'],
];

function valueAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), body);
}

/** The terms the preview refused, among those already filled in: the summary
 *  names them (e.g. a deposit above the material value, with the limit)
 *  instead of going blank. Empty fields are the form's own business. */
export function previewProblems(body: Partial<OrderInput>, fields: Record<string, string> | undefined, t: TFunction, kind: string) {
  if (!fields) return [];
  return QUOTE_FIELDS.filter(([f]) => fields[f] && valueAt(body, f) !== undefined && valueAt(body, f) !== '').map(([f, label]) => ({
    field: f,
    label: t(label(kind)),
    message: fields[f],
  }));
}
