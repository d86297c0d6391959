import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { useOrdersT } from '../../../i18n/orders';
import type { BidView } from '../../../api/types';

interface Props {
  bid: BidView | null;
  loading: boolean;
  error: string | null;
  onOk: (reason: string) => void;
  onCancel: () => void;
}

/** Reject a bid: the reason is required and the workshop sees it. */
export default function RejectBidModal({ bid, loading, error, onOk, onCancel }: Props) {
  const t = useOrdersT();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const ok = () => {
    if (!reason.trim()) return setMissing(true);
    onOk(reason.trim());
  };
  const help = missing && !reason.trim() ? t('rejectBid.required') : error;
  return (
    <Modal
      open={!!bid}
      title={bid ? t('rejectBid.title', { workshop: bid.workshop.name }) : ''}
      okText={t('rejectBid.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={ok}
      confirmLoading={loading}
      onCancel={onCancel}
      afterClose={() => {
        setReason('');
        setMissing(false);
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('rejectBid.text')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={ok}>
        <Form.Item label={t('rejectBid.reason')} htmlFor="reject-bid-reason" required validateStatus={help ? 'error' : undefined} help={help}>
          <Input.TextArea id="reject-bid-reason" rows={3} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
