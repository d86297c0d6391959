import { Link } from 'react-router';
import { Alert, Button, Descriptions, Space, Tag, Typography, Modal } from 'antd';
import { useMessage } from '../../../components/feedback';
import type { DescriptionsProps } from 'antd';
import { EditOutlined, FileProtectOutlined, RollbackOutlined } from '@ant-design/icons';
import { formatDate, useLang } from '../../../i18n';
import { useOrdersT, type OrdersKey } from '../../../i18n/orders';
import { useWithdrawBid } from '../../../api/bids';
import type { BidStatus, BidView, OrderView } from '../../../api/types';
import { errorText } from '../../../lib/errors';
import { formatBp, formatFen } from '../../../lib/money';
import { reasonText } from '../../../lib/permissions';
import { msgText } from '../../../lib/msg';
import BidStatusTag from '../../../components/bids/BidStatusTag';
import { depositQuoteText } from '../../../components/bids/figures';

interface Props {
  bid: BidView;
  order: Pick<OrderView, 'unit_price'>;
  onRevise: () => void;
}

/** Presentation: the banner each outcome gets (an open bid has none). */
const outcome: Partial<Record<BidStatus, { type: 'success' | 'warning' | 'info'; text: OrdersKey }>> = {
  accepted: { type: 'success', text: 'bid.acceptedText' },
  rejected: { type: 'warning', text: 'bid.rejectedText' },
  expired: { type: 'info', text: 'bid.expiredText' },
};

/** The workshop's own bid on the order page; revise and withdraw as its `actions` allow. */
export default function MyBidCard({ bid: b, order, onRevise }: Props) {
  const t = useOrdersT();
  const lang = useLang();
  const message = useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const withdraw = useWithdrawBid();
  const can = b.actions;
  const banner = outcome[b.status];
  // An open bid that can no longer be changed (e.g. bidding has closed): say why.
  const whyNoRevise = can.withdraw.allowed ? reasonText(can.revise, lang) : '';

  const confirmWithdraw = () =>
    modal.confirm({
      title: t('bid.withdrawTitle'),
      content: t('bid.withdrawText'),
      okText: t('bid.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.back'),
      onOk: () =>
        withdraw.mutateAsync(b).then(
          () => void message.success(t('bid.withdrawn')),
          (e: unknown) => void message.error(errorText(e, t)),
        ),
    });

  const items: DescriptionsProps['items'] = [
    { key: 'qty', label: t('orders.quantity'), children: t('orders.pieces', { n: b.quantity.toLocaleString() }) },
    {
      key: 'price',
      label: t('orders.unitPrice'),
      children: (
        <span>
          {t('orders.perPiece', { price: formatFen(b.unit_price) })}{' '}
          {b.unit_price !== order.unit_price && <Tag color="orange">{t('bid.counterOffer')}</Tag>}
        </span>
      ),
    },
    { key: 'amount', label: t('bid.amount'), children: <strong>{formatFen(b.quote.amount)}</strong> },
    {
      key: 'net',
      label: t('bid.net'),
      children: t('bid.netOf', { net: formatFen(b.quote.workshop_net), rate: formatBp(b.quote.commission_bp), commission: formatFen(b.quote.commission) }),
    },
    { key: 'deposit', label: t('bid.deposit'), children: depositQuoteText(b.quote.deposit, t) },
    { key: 'date', label: t('bid.deliveryDate'), children: formatDate(lang, b.delivery_date) },
    { key: 'heads', label: t('compare.headcount'), children: t('bid.people', { n: b.headcount }) },
    ...(b.message ? [{ key: 'msg', label: t('bid.messageShort'), children: <span className="pre-wrap">{b.message}</span> }] : []),
    {
      key: 'when',
      label: t('bid.updatedAt'),
      children: `${formatDate(lang, b.updated_at, true)}${b.revision > 1 ? ` · ${t('bid.revision', { n: b.revision })}` : ''}`,
    },
  ];

  return (
    <div className="my-bid" data-testid="my-bid">
      {modalHolder}
      <div className="my-bid-head">
        <Typography.Text strong>{t('bid.mine')}</Typography.Text>
        <BidStatusTag status={b.status} />
      </div>
      {banner && (
        <Alert
          type={banner.type}
          showIcon
          message={t(banner.text)}
          description={b.status_reason ? t('order.reason', { reason: msgText(b.status_reason, lang) }) : undefined}
          style={{ marginBottom: 12 }}
          action={
            b.contract_id ? (
              <Link to={`/contracts/${b.contract_id}`}>
                <FileProtectOutlined /> {t('bid.toContract')}
              </Link>
            ) : undefined
          }
        />
      )}
      <Descriptions items={items} column={1} size="small" colon={false} className="my-bid-facts" />
      {(can.revise.allowed || can.withdraw.allowed) && (
        <Space wrap style={{ marginTop: 8 }}>
          {can.revise.allowed && (
            <Button icon={<EditOutlined />} onClick={onRevise}>
              {t('bid.revise')}
            </Button>
          )}
          {can.withdraw.allowed && (
            <Button danger icon={<RollbackOutlined />} onClick={confirmWithdraw} loading={withdraw.isPending}>
              {t('bid.withdraw')}
            </Button>
          )}
        </Space>
      )}
      {whyNoRevise && (
        <Typography.Paragraph type="secondary" className="terms-note" data-testid="why-no-revise" style={{ margin: '8px 0 0' }}>
          {whyNoRevise}
        </Typography.Paragraph>
      )}
    </div>
  );
}
