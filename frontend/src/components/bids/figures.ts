import type { DepositQuote } from '../../api/types';
import type { TFunction } from '../../i18n';
import { formatFen } from '../../lib/money';

/** The deposit a workshop owes in words: an amount, waived, or none. */
export function depositQuoteText(d: DepositQuote, t: TFunction): string {
  if (d.kind === 'none' || (d.amount === 0 && !d.waived)) return t('bid.depositNone');
  if (d.waived) return t('bid.depositWaived');
  return formatFen(d.amount);
}

/** Track-record rates come as fractions (0.95 = 95%); null until there is data. */
export function ratePercent(r: number | null | undefined): number | null {
  if (r == null || !Number.isFinite(r)) return null;
  return Math.round(r * 1000) / 10;
}

export function formatRate(r: number | null | undefined): string {
  const p = ratePercent(r);
  return p == null ? '—' : `${p}%`;
}

/** "3.2 km"-style distance, or "—". */
export function formatKm(km: number | null | undefined, t: TFunction): string {
  return km == null || !Number.isFinite(km) ? '—' : t('search.distance', { km: km.toFixed(1) });
}
