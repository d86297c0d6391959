import { Alert } from 'antd';
import type { OrderTotals } from '../../api/types';
import { useOrdersT } from '../../i18n/orders';
import FairPayChart from './FairPayChart';

/** Chart + verdict + where the minimum wage figure comes from. */
export default function FairPay({ totals }: { totals: OrderTotals }) {
  const t = useOrdersT();
  const known = totals.min_hourly_wage > 0;
  return (
    <div className="fair-pay">
      <FairPayChart totals={totals} />
      {!known ? (
        <span className="muted">{t('summary.unknownWage')}</span>
      ) : totals.below_minimum_wage ? (
        <Alert type="error" showIcon message={t('summary.below')} data-testid="below-min-wage" style={{ marginTop: 8 }} />
      ) : (
        <Alert type="success" showIcon message={t('summary.ok')} style={{ marginTop: 8 }} />
      )}
      {totals.min_wage_source && (
        <p className="muted wage-source" data-testid="wage-source">
          {t('summary.source', { source: totals.min_wage_source })}
          {totals.min_wage_source_url && (
            <>
              {' '}
              <a href={totals.min_wage_source_url} target="_blank" rel="noreferrer noopener">
                {t('summary.sourceLink')}
              </a>
            </>
          )}
        </p>
      )}
    </div>
  );
}
