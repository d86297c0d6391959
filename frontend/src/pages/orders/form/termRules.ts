import type { FormRule } from 'antd';
import type { OrdersT } from '../../../i18n/orders';
import { formatFen, hundredthsValidator } from '../../../lib/money';

/** Money typed as yuan and rates as percent, both to two decimals, in range. */
export function termRules(t: OrdersT) {
  const yuan = (min = 1, max = 100_000_000, req = true): FormRule => ({
    validator: hundredthsValidator(
      { format: t('val.yuan'), range: t('val.range', { min: formatFen(min), max: formatFen(max) }) },
      min,
      max,
      req,
    ),
  });
  const percent = (max: number, req = true): FormRule => ({
    validator: hundredthsValidator({ format: t('val.percent'), range: t('val.range', { min: '0%', max: `${max / 100}%` }) }, 0, max, req),
  });
  return { yuan, percent };
}
