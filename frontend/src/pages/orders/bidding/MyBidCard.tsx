import { Link } from 'react-router';
import { Alert, Button, Descriptions, Space, Tag, Typography, Modal } from 'antd';
import { useMessage } from '../../../components/feedback';
import type { DescriptionsProps } from 'antd';
import { EditOutlined, FileProtectOutlined, RollbackOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../../i18n';
import { useWithdrawBid } from '../../../api/bids';
import type { BidView, OrderView } from '../../../api/types';
import { errorText } from '../../../lib/errors';
import { formatFen } from '../../../lib/money';
import BidStatusTag from '../../../components/bids/BidStatusTag';
import { depositQuoteText } from '../../../components/bids/figures';

interface Props {
  bid: BidView;
  order: Pick<OrderView, 'unit_price'>;
  /** revising and withdrawing are possible (bid open, before the deadline) */
  editable: boolean;
  onRevise: () => void;
}

/** The workshop's own bid on the order page. */
export default function MyBidCard({ bid: b, order, editable, onRevise }: Props) {
  const t = useT();
  const lang = useLang();
  const message = useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const withdraw = useWithdrawBid();

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
      {b.status === 'accepted' && (
        <Alert
          type="success"
          showIcon
          message={t('bid.acceptedText')}
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
      {b.status === 'rejected' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('bid.rejectedText')} description={b.status_reason ? t('order.reason', { reason: b.status_reason }) : undefined} />
      )}
      <Descriptions items={items} column={1} size="small" colon={false} className="my-bid-facts" />
      {editable && b.status === 'submitted' && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button icon={<EditOutlined />} onClick={onRevise}>
            {t('bid.revise')}
          </Button>
          <Button danger icon={<RollbackOutlined />} onClick={confirmWithdraw} loading={withdraw.isPending}>
            {t('bid.withdraw')}
          </Button>
        </Space>
      )}
    </div>
  );
}
