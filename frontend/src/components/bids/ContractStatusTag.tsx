import { Tag } from 'antd';
import type { ContractStatus } from '../../api/types';
import { useT } from '../../i18n';

const colors: Record<ContractStatus, string> = {
  awaiting_funding: 'warning',
  active: 'processing',
  materials_sent: 'processing',
  in_production: 'processing',
  delivering: 'processing',
  settling: 'processing',
  settled: 'success',
  cancelled: 'default',
  lapsed: 'default',
};

export default function ContractStatusTag({ status }: { status: ContractStatus }) {
  const t = useT();
  return (
    <Tag color={colors[status]} data-testid="contract-status" style={{ marginInlineEnd: 0 }}>
      {t(`contractStatus.${status}` as const)}
    </Tag>
  );
}
