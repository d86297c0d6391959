import { Alert, Modal, Statistic, Typography } from 'antd';
import { useT } from '../../../i18n';
import type { BidComparison } from '../../../api/types';
import { formatFen } from '../../../lib/money';
import { depositQuoteText } from '../../../components/bids/figures';

interface Props {
  bid: BidComparison | null;
  /** pieces left on the order before this award */
  remaining: number;
  /** other open bids that an award closing the order would reject */
  othersOpen: number;
  loading: boolean;
  error: string | null;
  onOk: () => void;
  onCancel: () => void;
}

/** "Award this bid?" — shows the escrow the company will fund. */
export default function AwardModal({ bid, remaining, othersOpen, loading, error, onOk, onCancel }: Props) {
  const t = useT();
  const b = bid;
  const closes = !!b && b.quantity >= remaining;
  return (
    <Modal
      open={!!b}
      title={b ? t('award.title', { workshop: b.workshop.name }) : ''}
      okText={t('award.ok')}
      cancelText={t('common.cancel')}
      onOk={onOk}
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
            <dd>{t('award.commissionNote')}</dd>
          </dl>
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
