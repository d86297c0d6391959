import { Tag } from 'antd';
import type { BidStatus } from '../../api/types';
import { useT } from '../../i18n';

const colors: Record<BidStatus, string> = {
  submitted: 'processing',
  accepted: 'success',
  rejected: 'error',
  withdrawn: 'default',
  expired: 'default',
};

export default function BidStatusTag({ status }: { status: BidStatus }) {
  const t = useT();
  return (
    <Tag color={colors[status]} data-testid="bid-status" style={{ marginInlineEnd: 0 }}>
      {t(`bidStatus.${status}` as const)}
    </Tag>
  );
}
