import { useState } from 'react';
import { Alert, Checkbox, Modal, Statistic, Typography } from 'antd';
import { useOrdersT } from '../../../i18n/orders';
import type { BidComparison } from '../../../api/types';
import { formatBp, formatFen } from '../../../lib/money';
import { depositQuoteText } from '../../../components/bids/figures';

interface Props {
  bid: BidComparison | null;
  /** pieces left on the order before this award */
  remaining: number;
  /** other open bids that an award closing the order would reject */
  othersOpen: number;
  loading: boolean;
  error: string | null;
  /** confirmBelowMinimumWage: the company's own yes to a bid below the minimum wage */
  onOk: (confirmBelowMinimumWage: boolean) => void;
  onCancel: () => void;
}

/** "Award this bid?" — shows the escrow the company will fund and what the
 *  price means per hour for the residents; a bid below the minimum wage is
 *  awarded only after the company ticks that it knows. */
export default function AwardModal({ bid, remaining, othersOpen, loading, error, onOk, onCancel }: Props) {
  const t = useOrdersT();
  const b = bid;
  const closes = !!b && b.quantity >= remaining;
  const below = !!b && b.quote.below_minimum_wage;
  const [confirmed, setConfirmed] = useState(false);
  const [shownFor, setShownFor] = useState<string | null>(null);
  if ((b?.id ?? null) !== shownFor) {
    // a different bid: its own confirmation
    setShownFor(b?.id ?? null);
    setConfirmed(false);
  }
  return (
    <Modal
      open={!!b}
      title={b ? t('award.title', { workshop: b.workshop.name }) : ''}
      okText={t('award.ok')}
      cancelText={t('common.cancel')}
      onOk={() => onOk(below && confirmed)}
      okButtonProps={{ disabled: below && !confirmed }}
      confirmLoading={loading}
      onCancel={onCancel}
      destroyOnHidden
    >
      {b && (
        <div data-testid="award-modal">
          <Typography.Paragraph>
            {t('award.what', {
              qty: b.quantity.toLocaleString(),
              price: formatFen(b.unit_price),
            })}
          </Typography.Paragraph>
          <Statistic title={t('award.escrow')} value={formatFen(b.quote.amount)} data-testid="award-escrow" valueStyle={{ color: '#c2410c' }} />
          <Typography.Paragraph type="secondary" className="terms-note">
            {t('award.escrowNote')}
          </Typography.Paragraph>
          <dl className="kv award-kv">
            <dt>{t('award.deposit')}</dt>
            <dd data-testid="award-deposit">
              {depositQuoteText(b.quote.deposit, t)}
              {b.quote.deposit.kind !== 'none' && !b.quote.deposit.waived && b.quote.deposit.amount > 0 && <div className="terms-note">{t('award.depositNote')}</div>}
            </dd>
            <dt>{t('award.commission')}</dt>
            <dd data-testid="award-commission">
              {formatBp(b.quote.commission_bp)} · {formatFen(b.quote.commission)}
              <div className="terms-note">{t('award.commissionNote')}</div>
            </dd>
            <dt>{t('award.hourly')}</dt>
            <dd data-testid="award-hourly">
              {t('summary.perHour', { amount: formatFen(b.quote.hourly_equivalent) })}
              {!below && b.quote.min_hourly_wage > 0 && (
                <div className="terms-note">
                  {t('award.hourlyOk', { province: b.quote.min_wage_province ?? '', min: formatFen(b.quote.min_hourly_wage) })}
                </div>
              )}
            </dd>
          </dl>
          {below && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="award-below-min-wage"
              message={t('award.belowMinWage', {
                hourly: formatFen(b.quote.hourly_equivalent),
                province: b.quote.min_wage_province ?? '',
                min: formatFen(b.quote.min_hourly_wage),
              })}
              description={
                <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="award-confirm-below-min-wage">
                  {t('award.confirmBelowMinWage')}
                </Checkbox>
              }
            />
          )}
          {closes && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              message={othersOpen > 0 ? t('award.closesWithOthers', { n: othersOpen }) : t('award.closes')}
            />
          )}
          {error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} message={error} />}
        </div>
      )}
    </Modal>
  );
}
