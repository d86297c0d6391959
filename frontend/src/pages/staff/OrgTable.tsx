import { Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { Org } from '../../api/types';
import { formatDate, useLang, useT } from '../../i18n';
import OrgBadges from '../../components/OrgBadges';
import OrgDetails from '../../components/OrgDetails';
import OrgActions from './OrgActions';

interface Props {
  orgs?: Org[];
  loading: boolean;
  pagination: TableProps<Org>['pagination'];
}

export default function OrgTable({ orgs, loading, pagination }: Props) {
  const t = useT();
  const lang = useLang();
  const columns: TableProps<Org>['columns'] = [
    {
      title: t('field.orgName'),
      key: 'name',
      render: (_, o) => (
        <>
          <Typography.Text strong>{o.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t(`kind.${o.kind}` as const)}</Typography.Text>
        </>
      ),
    },
    { title: t('field.region'), dataIndex: 'region_name', key: 'region' },
    { title: t('staff.orgs.status'), key: 'status', render: (_, o) => <OrgBadges org={o} /> },
    { title: t('org.createdAt'), key: 'created', render: (_, o) => formatDate(lang, o.created_at) },
    { title: t('staff.orgs.actions'), key: 'actions', render: (_, o) => <OrgActions org={o} /> },
  ];
  return (
    <Table<Org>
      rowKey="id"
      columns={columns}
      dataSource={orgs}
      loading={loading}
      pagination={pagination}
      expandable={{ expandedRowRender: (o) => <OrgDetails org={o} /> }}
    />
  );
}
