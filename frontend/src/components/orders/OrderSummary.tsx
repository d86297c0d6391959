import { Card, Divider, Spin, Statistic, Typography } from 'antd';
import type { DepositKind, OrderTotals } from '../../api/types';
import { useT } from '../../i18n';
import { formatFen } from '../../lib/money';
import FairPay from './FairPay';

interface Props {
  totals: OrderTotals | null;
  depositKind?: DepositKind;
  loading?: boolean;
  /** Terms the server refused, named inline (from the preview's field errors). */
  problems?: { field: string; label: string; message: string }[];
}

/** The live summary next to (desktop) or below (phone) the order form. */
export default function OrderSummary({ totals, depositKind, loading, problems = [] }: Props) {
  const t = useT();
  return (
    <Card
      title={t('summary.title')}
      size="small"
      className="order-summary"
      extra={loading ? <Spin size="small" aria-label={t('summary.updating')} /> : null}
      aria-live="polite"
      data-testid="order-summary"
    >
      {!totals && problems.length > 0 ? (
        <div className="summary-problems" role="alert" data-testid="summary-problems">
          <Typography.Text strong>{t('summary.fix')}</Typography.Text>
          <ul>
            {problems.map((p) => (
              <li key={p.field}>
                <strong>{p.label}</strong>：{p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : !totals ? (
        <Typography.Text type="secondary">{t('summary.incomplete')}</Typography.Text>
      ) : (
        <>
          <Statistic title={t('summary.orderValue')} value={formatFen(totals.order_value)} data-testid="summary-order-value" />
          <div className="summary-grid">
            <Statistic
              title={t('summary.depositMinBid')}
              value={depositKind === 'none' ? t('summary.noDeposit') : formatFen(totals.deposit_min_bid)}
              valueStyle={{ fontSize: '1.2em' }}
            />
            <Statistic
              title={t('summary.depositFull')}
              value={depositKind === 'none' ? t('summary.noDeposit') : formatFen(totals.deposit_full)}
              valueStyle={{ fontSize: '1.2em' }}
            />
          </div>
          {totals.allowed_loss_units > 0 && (
            <Typography.Text type="secondary">{t('summary.allowedLoss', { n: totals.allowed_loss_units })}</Typography.Text>
          )}
          <Divider style={{ margin: '12px 0' }} />
          <Typography.Text strong>{t('summary.hourly')}</Typography.Text>
          <FairPay totals={totals} />
        </>
      )}
    </Card>
  );
}
