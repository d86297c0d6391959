import { List, Tag, Typography } from 'antd';
import { formatDate, useLang, useT } from '../../i18n';
import { useMembers } from '../../api/orgs';
import { BlockLoading, LoadError } from '../../components/PageState';

export default function Members({ orgId }: { orgId: string }) {
  const t = useT();
  const lang = useLang();
  const members = useMembers(orgId);
  if (members.isPending) return <BlockLoading rows={2} />;
  if (members.isError) return <LoadError error={members.error} onRetry={() => void members.refetch()} />;
  return (
    <List
      dataSource={members.data.items}
      locale={{ emptyText: t('org.membersEmpty') }}
      renderItem={(m) => (
        <List.Item
          key={m.user_id}
          extra={<Tag color={m.role === 'owner' ? 'volcano' : 'default'}>{t(`role.${m.role}` as const)}</Tag>}
        >
          <List.Item.Meta
            title={m.name}
            description={
              <>
                <Typography.Text type="secondary" className="break-all">{m.email}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t('org.joinedOn', { date: formatDate(lang, m.joined_at) })}</Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
