import type { OrderView } from '../../api/types';
import type { Lang } from '../../prefs/store';
import type { TFunction } from '../../i18n';
import { formatBp, formatFen } from '../../lib/money';

/** The deposit terms in plain words. */
export function depositText(o: Pick<OrderView, 'deposit' | 'totals'>, t: TFunction): string {
  const d = o.deposit;
  if (d.kind === 'none') return t('deposit.none');
  const base =
    d.kind === 'fixed'
      ? t('order.depositFixed', { amount: formatFen(d.amount) })
      : d.kind === 'per_unit'
        ? t('order.depositPerUnit', { amount: formatFen(d.amount) })
        : t('order.depositRate', { rate: formatBp(d.rate_bp) });
  const amounts = t('order.depositAmounts', { min: formatFen(o.totals.deposit_min_bid), full: formatFen(o.totals.deposit_full) });
  return `${base}（${amounts}）`;
}

export function craftName(o: { craft: string; craft_name_zh: string; craft_name_en: string }, lang: Lang): string {
  return (lang === 'zh' ? o.craft_name_zh : o.craft_name_en) || o.craft;
}
