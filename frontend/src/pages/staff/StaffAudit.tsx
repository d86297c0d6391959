import { useSearchParams } from 'react-router';
import { Button, Card, DatePicker, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDate, tDynamic, useLang, useT } from '../../i18n';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../api/types';
import { useAudit } from '../../api/meta';
import { BlockLoading, LoadError } from '../../components/PageState';
import AuditChanges from './AuditChanges';

const PER_PAGE = 20;

/** A snapshot is a JSON object (or null when there was none). */
function asObj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The target's current name or title from the server, else the snapshot's name; the id only as a last resort. */
function targetName(e: AuditEntry): string | undefined {
  if (e.target_title) return e.target_title;
  const name = asObj(e.after)?.name ?? asObj(e.before)?.name;
  return typeof name === 'string' && name ? name : undefined;
}

const DAY = 'YYYY-MM-DD';

/** Actor, action and date filters, kept in the URL. */
function AuditFilters({ params, set }: { params: URLSearchParams; set: (patch: Record<string, string | undefined>) => void }) {
  const t = useT();
  const from = params.get('from');
  const to = params.get('to');
  return (
    <Space wrap className="audit-filters" style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        aria-label={t('staff.audit.filterActor')}
        placeholder={t('staff.audit.filterActor')}
        defaultValue={params.get('actor') ?? ''}
        onSearch={(v) => set({ actor: v.trim() || undefined })}
        style={{ width: 220 }}
      />
      <Select<AuditAction | ''>
        aria-label={t('staff.audit.action')}
        value={(params.get('action') as AuditAction | null) ?? ''}
        onChange={(v) => set({ action: v || undefined })}
        options={[{ value: '', label: t('staff.audit.anyAction') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}` as const) }))]}
        style={{ minWidth: 180 }}
      />
      <DatePicker.RangePicker
        aria-label={t('staff.audit.dates')}
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        allowEmpty={[true, true]}
        onChange={(r) => set({ from: r?.[0]?.format(DAY), to: r?.[1]?.format(DAY) })}
      />
      {(params.get('actor') || params.get('action') || from || to) && (
        <Button onClick={() => set({ actor: undefined, action: undefined, from: undefined, to: undefined })}>{t('staff.audit.clear')}</Button>
      )}
    </Space>
  );
}

export default function StaffAudit() {
  const t = useT();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const action = params.get('action');
  const audit = useAudit({
    page,
    per_page: PER_PAGE,
    actor: params.get('actor') ?? undefined,
    action: AUDIT_ACTIONS.includes(action as AuditAction) ? (action as AuditAction) : undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  });
  const setFilters = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete('page'); // a new filter starts at page 1
    setParams(next, { replace: true });
  };

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
          onChange: (p) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            setParams(next);
          },
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
      <Typography.Title level={1} className="page-title">
        {t('staff.audit.title')}
      </Typography.Title>
      <AuditFilters params={params} set={setFilters} />
      {body}
    </>
  );
}
