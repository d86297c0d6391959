import { Collapse, List, Typography } from 'antd';
import type { PaginationProps } from 'antd';
import type { Org } from '../../api/types';
import { useT } from '../../i18n';
import OrgBadges from '../../components/OrgBadges';
import OrgDetails from '../../components/OrgDetails';
import OrgActions from './OrgActions';

interface Props {
  orgs?: Org[];
  loading: boolean;
  pagination: PaginationProps;
}

/** Phone layout of the organisations list: one card per organisation. */
export default function OrgCards({ orgs, loading, pagination }: Props) {
  const t = useT();
  return (
    <List<Org>
      dataSource={orgs}
      loading={loading}
      pagination={{ ...pagination, align: 'center', simple: true }}
      renderItem={(o) => (
        <List.Item key={o.id} className="org-card">
          <div style={{ width: '100%' }}>
            <Typography.Text strong style={{ fontSize: '1.1em' }}>
              {o.name}
            </Typography.Text>
            <div style={{ margin: '4px 0 8px' }}>
              <Typography.Text type="secondary">
                {t(`kind.${o.kind}` as const)} · {o.region_name}
              </Typography.Text>
            </div>
            <OrgBadges org={o} />
            <Collapse
              ghost
              size="small"
              style={{ margin: '8px 0' }}
              items={[{ key: 'd', label: t('staff.orgs.details'), children: <OrgDetails org={o} column={1} /> }]}
            />
            <OrgActions org={o} block />
          </div>
        </List.Item>
      )}
    />
  );
}
