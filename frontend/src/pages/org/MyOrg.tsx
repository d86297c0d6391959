import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { isOwner, isStaff, useMe } from '../../auth/useMe';
import { useOrg } from '../../api/orgs';
import { LoadError } from '../../components/PageState';
import OrgBadges from '../../components/OrgBadges';
import OrgDetails from '../../components/OrgDetails';
import OrgEditForm from './OrgEditForm';
import Members from './Members';
import InviteForm from './InviteForm';
import PayoutAccountCard from './payout/PayoutAccountCard';
import DocumentsCard from './DocumentsCard';

export default function MyOrg() {
  const t = useT();
  const lang = useLang();
  const me = useMe().data!;
  const orgQuery = useOrg(me.org?.id);
  const [editing, setEditing] = useState(false);

  if (!me.org) {
    return (
      <Result
        status="info"
        title={t('org.noOrg')}
        extra={isStaff(me) && <Link to="/staff/orgs">{t('org.toStaff')}</Link>}
      />
    );
  }
  const org = orgQuery.data ?? me.org;
  const owner = isOwner(me);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} className="page-title" style={{ marginBottom: 8 }}>
          {org.name}
        </Typography.Title>
        <OrgBadges org={org} />
        {org.verified && org.verified_at && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('org.verifiedAt', { date: formatDate(lang, org.verified_at) })}
          </Typography.Text>
        )}
      </div>
      {orgQuery.isError && <LoadError error={orgQuery.error} onRetry={() => void orgQuery.refetch()} />}
      {!org.verified && <Alert type="info" showIcon message={t('org.pendingVerify')} />}
      {/* Not verified yet: the documents staff check come first (a new organisation lands here). */}
      {!org.verified && <DocumentsCard org={org} />}
      <Card
        title={editing ? t('org.edit') : t('org.details')}
        extra={
          owner &&
          !editing && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )
        }
      >
        {editing ? <OrgEditForm org={org} onDone={() => setEditing(false)} /> : <OrgDetails org={org} />}
      </Card>
      <Card title={t('org.members')}>
        <Members orgId={org.id} />
      </Card>
      {owner && (
        <Card title={t('org.invite')}>
          <InviteForm orgId={org.id} />
        </Card>
      )}
      <PayoutAccountCard org={org} owner={owner} />
      {org.verified && <DocumentsCard org={org} />}
    </Space>
  );
}
