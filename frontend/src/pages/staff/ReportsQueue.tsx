import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Empty, Form, Input, List, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { QUEUE_PER_PAGE, useReports, useResolveReport } from '../../api/moderation';
import type { Report, ReportStatus } from '../../api/types';
import { errorText } from '../../lib/errors';
import { LoadError } from '../../components/PageState';

const TABS: ReportStatus[] = ['open', 'dismissed', 'upheld'];
type Resolution = 'dismissed' | 'upheld';

/** Staff: reports about orders; dismiss or uphold each with a note. */
export default function ReportsQueue() {
  const t = useT();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') as ReportStatus | null;
  const status = raw && TABS.includes(raw) ? raw : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useReports(status, page);
  const [acting, setActing] = useState<{ report: Report; to: Resolution } | null>(null);

  const set = (s: ReportStatus, p = 1) => {
    const next = new URLSearchParams();
    if (s !== 'open') next.set('status', s);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('reports.title')}
      </Typography.Title>
      <Tabs activeKey={status} onChange={(k) => set(k as ReportStatus)} items={TABS.map((s) => ({ key: s, label: t(`reports.status.${s}` as const) }))} />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty description={t('reports.empty')} />
      ) : (
        <List<Report>
          dataSource={list.data?.items}
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
          renderItem={(r) => (
            <List.Item className="order-list-item">
              <Card size="small" className="order-card" data-testid="report-card">
                <div className="order-card-head">
                  <Link to={`/orders/${r.order_id}`} className="order-card-title">
                    {r.order_title}
                  </Link>
                  <Tag color={r.reason === 'deposit_scam' ? 'error' : 'warning'} style={{ marginInlineEnd: 0 }}>
                    {t(`report.${r.reason}` as const)}
                  </Tag>
                </div>
                <Space size={[12, 4]} wrap>
                  <Typography.Text type="secondary">
                    {t('reports.reporter', { who: [r.reporter_org_name, r.reporter_email].filter(Boolean).join(' · ') })}
                  </Typography.Text>
                  <Typography.Text type="secondary">{formatDate(lang, r.created_at, true)}</Typography.Text>
                  <Typography.Text type="secondary">{r.order_status && t('reports.orderStatus', { status: t(`status.${r.order_status}` as const) })}</Typography.Text>
                </Space>
                {r.detail && <Typography.Paragraph style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>{r.detail}</Typography.Paragraph>}
                {r.status !== 'open' && (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                    {t('reports.resolvedAt', { date: formatDate(lang, r.resolved_at, true) })}
                    {r.resolution_note && ` · ${r.resolution_note}`}
                  </Typography.Paragraph>
                )}
                {r.status === 'open' && (
                  <Space wrap style={{ marginTop: 12 }}>
                    <Button icon={<CloseOutlined />} onClick={() => setActing({ report: r, to: 'dismissed' })}>
                      {t('reports.dismiss')}
                    </Button>
                    <Button type="primary" icon={<CheckOutlined />} onClick={() => setActing({ report: r, to: 'upheld' })}>
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

function ResolveModal({ report, to, onClose }: { report: Report; to: Resolution; onClose: () => void }) {
  const t = useT();
  const message = useMessage();
  const resolve = useResolveReport();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const label = to === 'dismissed' ? t('reports.dismiss') : t('reports.uphold');
  return (
    <Modal
      open
      title={label}
      okText={label}
      cancelText={t('common.cancel')}
      confirmLoading={resolve.isPending}
      onCancel={onClose}
      onOk={() =>
        resolve.mutate(
          { id: report.id, status: to, note: note.trim() },
          {
            onSuccess: () => {
              message.success(t('reports.done'));
              onClose();
            },
            onError: (e) => setError(errorText(e, t)),
          },
        )
      }
    >
      <Typography.Paragraph>{t(`reports.confirm.${to}` as const)}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('reports.note')} htmlFor="report-note" validateStatus={error ? 'error' : undefined} help={error}>
          <Input.TextArea id="report-note" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
