import { Tag } from 'antd';
import { CheckCircleFilled, SafetyCertificateFilled } from '@ant-design/icons';
import type { WorkshopBadge } from '../../api/types';
import { useT } from '../../i18n';

/** Verified and community-guarantee tags for a workshop (nothing when neither). */
export default function WorkshopBadges({ w, showUnverified = false }: { w: Pick<WorkshopBadge, 'verified' | 'community_guarantee'>; showUnverified?: boolean }) {
  const t = useT();
  return (
    <>
      {w.verified ? (
        <Tag color="success" icon={<CheckCircleFilled />} data-testid="badge-verified">
          {t('badge.verified')}
        </Tag>
      ) : (
        showUnverified && <Tag data-testid="badge-unverified">{t('badge.unverified')}</Tag>
      )}
      {w.community_guarantee && (
        <Tag color="gold" icon={<SafetyCertificateFilled />} data-testid="badge-guarantee">
          {t('badge.guarantee')}
        </Tag>
      )}
    </>
  );
}
