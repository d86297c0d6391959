import type { OrderTotals } from '../../api/types';
import { useT } from '../../i18n';
import { formatFen } from '../../lib/money';

const OK = '#15803d';
const BAD = '#dc2626';
const MIN = '#8c6d5a';

/** Two bars: this order's hourly equivalent and the province's minimum
 *  hourly wage; the order's bar is red when it is below the minimum. */
export default function FairPayChart({ totals }: { totals: Pick<OrderTotals, 'hourly_equivalent' | 'min_hourly_wage' | 'min_wage_province' | 'below_minimum_wage'> }) {
  const t = useT();
  const { hourly_equivalent: hourly, min_hourly_wage: min, below_minimum_wage: below } = totals;
  const max = Math.max(hourly, min, 1);
  const pct = (v: number) => `${Math.max(2, Math.round((v / max) * 100))}%`;
  const perHour = (v: number) => t('summary.perHour', { amount: formatFen(v) });
  const rows = [
    { key: 'order', label: t('summary.thisOrder'), value: hourly, color: below ? BAD : OK },
    ...(min > 0 ? [{ key: 'min', label: t('summary.minimumOf', { province: totals.min_wage_province }), value: min, color: MIN }] : []),
  ];
  const summary = rows.map((r) => `${r.label} ${perHour(r.value)}`).join('；');
  return (
    <div className="fair-pay-chart" role="img" aria-label={`${t('summary.chart')}：${summary}`} data-below={below ? 'true' : 'false'}>
      {rows.map((r) => (
        <div key={r.key} className="fair-pay-row">
          <div className="fair-pay-label">
            <span className="muted">{r.label}</span>
            <strong style={{ color: r.key === 'order' ? r.color : undefined }}>
              {perHour(r.value)}
            </strong>
          </div>
          <div className="fair-pay-track">
            <div className="fair-pay-bar" style={{ width: pct(r.value), background: r.color }} />
          </div>
        </div>
      ))}
    </div>
  );
}
