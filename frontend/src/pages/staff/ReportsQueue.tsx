import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Badge, Button, Card, Checkbox, Empty, Form, Input, List, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { formatDate, useLang } from '../../i18n';
import { useOrdersT } from '../../i18n/orders';
import { QUEUE_PER_PAGE, useReports, useResolveReports } from '../../api/moderation';
import type { ReportGroup, ReportStatus } from '../../api/types';
import { errorText } from '../../lib/errors';
import { LoadError } from '../../components/PageState';

const TABS: ReportStatus[] = ['open', 'dismissed', 'upheld'];
type Resolution = 'dismissed' | 'upheld';

/** Staff: reports grouped per order, the most serious first (deposit scam
 *  first); dismiss (with a reason the reporters see) or uphold every open
 *  report on an order at once, optionally suspending it in the same step. */
export default function ReportsQueue() {
  const t = useOrdersT();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') as ReportStatus | null;
  const status = raw && TABS.includes(raw) ? raw : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useReports(status, page);
  const [acting, setActing] = useState<{ group: ReportGroup; to: Resolution } | null>(null);

  const set = (s: ReportStatus, p = 1) => {
    const next = new URLSearchParams();
    if (s !== 'open') next.set('status', s);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('reports.title')}
      </Typography.Title>
      <Tabs activeKey={status} onChange={(k) => set(k as ReportStatus)} items={TABS.map((s) => ({ key: s, label: t(`reports.status.${s}` as const) }))} />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty description={t('reports.empty')} />
      ) : (
        <List<ReportGroup>
          dataSource={list.data?.items}
          rowKey="order_id"
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          split={false}
          pagination={
            (list.data?.total ?? 0) > QUEUE_PER_PAGE && {
              current: page,
              pageSize: QUEUE_PER_PAGE,
              total: list.data?.total ?? 0,
              align: 'center',
              showSizeChanger: false,
              onChange: (p) => set(status, p),
            }
          }
          renderItem={(g) => (
            <List.Item className="order-list-item">
              <Card size="small" className="order-card" data-testid="report-group">
                <div className="order-card-head">
                  <Link to={`/orders/${g.order_id}`} className="order-card-title">
                    {g.order_title}
                  </Link>
                  <Badge count={g.count} color={g.top_reason === 'deposit_scam' ? '#dc2626' : '#d97706'} title={t('reports.count', { n: g.count })} />
                </div>
                <Space size={[4, 4]} wrap data-testid="report-reasons">
                  {g.reasons.map((r) => (
                    <Tag key={r.reason} color={r.reason === 'deposit_scam' ? 'error' : 'warning'} style={{ marginInlineEnd: 0 }}>
                      {t(`report.${r.reason}` as const)} × {r.count}
                    </Tag>
                  ))}
                  <Typography.Text type="secondary">{t('reports.orderStatus', { status: t(`status.${g.order_status}` as const) })}</Typography.Text>
                </Space>
                {g.auto_suspended && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t('reports.autoSuspended')} />}
                <List
                  size="small"
                  dataSource={g.reports}
                  rowKey="id"
                  renderItem={(r) => (
                    <List.Item data-testid="report-card">
                      <div>
                        <Space size={[12, 4]} wrap>
                          <Tag color={r.reason === 'deposit_scam' ? 'error' : 'warning'}>{t(`report.${r.reason}` as const)}</Tag>
                          <Typography.Text type="secondary">
                            {t('reports.reporter', { who: [r.reporter_org_name, r.reporter_email].filter(Boolean).join(' · ') })}
                          </Typography.Text>
                          <Typography.Text type="secondary">{formatDate(lang, r.created_at, true)}</Typography.Text>
                        </Space>
                        {r.detail && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{r.detail}</Typography.Paragraph>}
                        {r.status !== 'open' && (
                          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                            {t('reports.resolvedAt', { date: formatDate(lang, r.resolved_at, true) })}
                            {r.resolution_note && ` · ${r.resolution_note}`}
                          </Typography.Paragraph>
                        )}
                      </div>
                    </List.Item>
                  )}
                />
                {status === 'open' && (
                  <Space wrap style={{ marginTop: 12 }}>
                    <Button icon={<CloseOutlined />} onClick={() => setActing({ group: g, to: 'dismissed' })}>
                      {t('reports.dismiss')}
                    </Button>
                    <Button type="primary" icon={<CheckOutlined />} onClick={() => setActing({ group: g, to: 'upheld' })}>
                      {t('reports.uphold')}
                    </Button>
                  </Space>
                )}
              </Card>
            </List.Item>
          )}
        />
      )}
      {acting && <ResolveModal {...acting} onClose={() => setActing(null)} />}
    </>
  );
}

function ResolveModal({ group, to, onClose }: { group: ReportGroup; to: Resolution; onClose: () => void }) {
  const t = useOrdersT();
  const message = useMessage();
  const resolve = useResolveReports();
  const [note, setNote] = useState('');
  // Upholding offers to take the order down in the same step when the server allows it.
  const ch = group.choices;
  const canSuspend = to === 'upheld' && ch.suspend_order.allowed;
  const [suspend, setSuspend] = useState(canSuspend && ch.suspend_suggested);
  const [error, setError] = useState<string | null>(null);
  const label = to === 'dismissed' ? t('reports.dismiss') : t('reports.uphold');
  const needsNote = to === 'dismissed' ? ch.note_required.dismiss : suspend && ch.note_required.suspend;
  const submit = () => {
    // Which outcomes need a note is the server's (choices.note_required); an
    // empty one is pointed out before sending, anything else the server answers.
    if (needsNote && note.trim() === '') {
      setError(t(to === 'dismissed' ? 'reports.noteRequired' : 'reports.suspendNoteRequired'));
      return;
    }
    resolve.mutate(
      { orderId: group.order_id, status: to, note: note.trim(), suspendOrder: suspend },
      {
        onSuccess: () => {
          void message.success(t('reports.done'));
          onClose();
        },
        onError: (e) => setError(errorText(e, t)),
      },
    );
  };
  return (
    <Modal open title={label} okText={label} cancelText={t('common.cancel')} confirmLoading={resolve.isPending} onCancel={onClose} onOk={submit}>
      <Typography.Paragraph>{t(`reports.confirm.${to}` as const, { n: group.count })}</Typography.Paragraph>
      <Form layout="vertical">
        {canSuspend && (
          <Form.Item>
            <Checkbox checked={suspend} onChange={(e) => setSuspend(e.target.checked)} data-testid="report-suspend-order">
              {t('reports.suspendOrder')}
            </Checkbox>
          </Form.Item>
        )}
        <Form.Item
          label={t('reports.note')}
          htmlFor="report-note"
          required={needsNote}
          validateStatus={error ? 'error' : undefined}
          help={error ?? (to === 'dismissed' ? t('reports.noteRequired') : undefined)}
        >
          <Input.TextArea id="report-note" rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
