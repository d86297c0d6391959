import { Tag } from 'antd';
import type { CloseReason, OrderStatus } from '../../api/types';
import { useT } from '../../i18n';

const colors: Record<OrderStatus, string> = {
  draft: 'default',
  pending_review: 'processing',
  published: 'success',
  rejected: 'error',
  suspended: 'warning',
  closed: 'default',
};

export default function OrderStatusTag({ status, closeReason }: { status: OrderStatus; closeReason?: CloseReason | '' }) {
  const t = useT();
  return (
    <Tag color={colors[status]} data-testid="order-status" style={{ marginInlineEnd: 0 }}>
      {status === 'closed' && closeReason ? t(`close.${closeReason}` as const) : t(`status.${status}` as const)}
    </Tag>
  );
}
