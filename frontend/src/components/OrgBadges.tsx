import { Space, Tag } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import type { Org } from '../api/types';
import { useT } from '../i18n';

/** Verified / not verified, plus community guarantee for workshops. */
export default function OrgBadges({ org }: { org: Org }) {
  const t = useT();
  return (
    <Space size={4} wrap className="org-badges">
      {org.verified ? (
        <Tag color="success" icon={<CheckCircleFilled />} data-testid="badge-verified">
          {t('badge.verified')}
        </Tag>
      ) : (
        <Tag icon={<ClockCircleOutlined />} data-testid="badge-unverified">
          {t('badge.unverified')}
        </Tag>
      )}
      {org.kind === 'workshop' && org.community_guarantee && (
        <Tag color="gold" icon={<SafetyCertificateFilled />} data-testid="badge-guarantee">
          {t('badge.guarantee')}
        </Tag>
      )}
    </Space>
  );
}
