import { useSearchParams } from 'react-router';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { formatDate, tDynamic, useLang, useT } from '../../i18n';
import type { AuditEntry } from '../../api/types';
import { useAudit } from '../../api/meta';
import { BlockLoading, LoadError } from '../../components/PageState';
import AuditChanges from './AuditChanges';
import { asObj } from './auditDiff';

const PER_PAGE = 20;

/** Snapshots of organisations carry their name: show it instead of an id. */
function targetName(e: AuditEntry): string | undefined {
  const name = asObj(e.after)?.name ?? asObj(e.before)?.name;
  return typeof name === 'string' && name ? name : undefined;
}

export default function StaffAudit() {
  const t = useT();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const audit = useAudit(page, PER_PAGE);

  let body;
  if (audit.isPending) body = <BlockLoading rows={6} />;
  else if (audit.isError) body = <LoadError error={audit.error} onRetry={() => void audit.refetch()} />;
  else if (audit.data.items.length === 0) body = <Empty description={t('staff.audit.empty')} />;
  else
    body = (
      <List
        dataSource={audit.data.items}
        loading={audit.isFetching}
        pagination={{
          current: page,
          pageSize: PER_PAGE,
          total: audit.data.total,
          showSizeChanger: false,
          align: 'center',
          showTotal: (n) => t('common.total', { n }),
          onChange: (p) => setParams({ page: String(p) }),
        }}
        renderItem={(e) => (
          <List.Item key={e.id} className="audit-entry">
            <Card size="small" style={{ width: '100%' }}>
              <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
                <Tag color="volcano" className="audit-action" title={e.action}>
                  {tDynamic(t, `audit.action.${e.action}`, e.action)}
                </Tag>
                <Typography.Text>{formatDate(lang, e.at, true)}</Typography.Text>
                <Typography.Text type="secondary" className="break-all">
                  {t('staff.audit.actor')}
                  {t('common.colon')}
                  {e.actor_email}
                </Typography.Text>
              </Space>
              <div className="audit-target">
                <Typography.Text type="secondary">
                  {t('staff.audit.target')}
                  {t('common.colon')}
                </Typography.Text>
                <Typography.Text className="break-all">
                  {tDynamic(t, `audit.target.${e.target_type}`, e.target_type)} · {targetName(e) ?? <code>{e.target_id}</code>}
                </Typography.Text>
              </div>
              {e.note && (
                <div>
                  <Typography.Text type="secondary">
                    {t('staff.audit.note')}
                    {t('common.colon')}
                  </Typography.Text>
                  {e.note}
                </div>
              )}
              <div style={{ marginTop: 8 }}>
                <AuditChanges entry={e} />
              </div>
            </Card>
          </List.Item>
        )}
      />
    );

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('staff.audit.title')}
      </Typography.Title>
      {body}
    </>
  );
}
