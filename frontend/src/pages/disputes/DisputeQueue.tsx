import { Link, useSearchParams } from 'react-router';
import { Card, Empty, List, Tabs, Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { DISPUTES_PER_PAGE, useDisputes, type DisputeStatus, type DisputeView } from '../../api/fulfilment';
import { LoadError } from '../../components/PageState';
import { ageText, useNow } from '../contracts/fulfilment/forms';
import '../contracts/fulfilment/fulfilment.css';
import '../../i18n/lifecycle';

const TABS: DisputeStatus[] = ['open', 'resolved'];

/** Staff: the dispute queue, oldest first, with how long each has waited. */
export default function DisputeQueue() {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') as DisputeStatus | null;
  const status = raw && TABS.includes(raw) ? raw : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useDisputes(status, page);

  const set = (s: DisputeStatus, p = 1) => {
    const next = new URLSearchParams();
    if (s !== 'open') next.set('status', s);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('ful.queue.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ful.queue.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={status}
        onChange={(k) => set(k as DisputeStatus)}
        items={TABS.map((s) => ({
          key: s,
          label: s === status && list.data ? `${t(`ful.queue.${s}`)} ${list.data.total}` : t(`ful.queue.${s}`),
        }))}
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty description={t(status === 'open' ? 'ful.queue.empty' : 'ful.queue.emptyResolved')} />
      ) : (
        <List<DisputeView>
          dataSource={list.data?.items}
          rowKey="id"
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          split={false}
          pagination={
            (list.data?.total ?? 0) > DISPUTES_PER_PAGE && {
              current: page,
              pageSize: DISPUTES_PER_PAGE,
              total: list.data?.total ?? 0,
              align: 'center',
              showSizeChanger: false,
              onChange: (p) => set(status, p),
            }
          }
          renderItem={(d) => {
            const days = (now - new Date(d.opened_at).getTime()) / 86_400_000;
            return (
              <List.Item className="order-list-item">
                <Card size="small" className="order-card" data-testid="dispute-card">
                  <div className="order-card-head">
                    <Link to={`/disputes/${d.id}`} className="order-card-title" data-testid="dispute-open">
                      {d.contract_title}
                    </Link>
                    {d.status === 'open' ? (
                      <Tag color={days >= 3 ? 'error' : days >= 1 ? 'warning' : 'processing'} icon={<ClockCircleOutlined />} data-testid="dispute-age">
                        {t('ful.queue.age', { span: ageText(t, d.opened_at, now) })}
                      </Tag>
                    ) : (
                      <Tag>{t('ful.queue.decided', { accepted: d.decided_accepted ?? 0, n: d.units })}</Tag>
                    )}
                  </div>
                  <div className="ful-item-meta">
                    {t('ful.queue.parties', { company: d.company_name, workshop: d.workshop_name })}
                  </div>
                  <div>
                    <Tag color="error">{t('ful.queue.units', { n: d.units })}</Tag>
                    <Typography.Text type="secondary">{t('ful.queue.opened', { date: formatDate(lang, d.opened_at, true) })}</Typography.Text>
                  </div>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 0' }}>
                    {d.statement}
                  </Typography.Paragraph>
                  {d.status === 'resolved' && d.decision_note && (
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
                      {t('ful.queue.decision', { note: d.decision_note })}
                    </Typography.Paragraph>
                  )}
                </Card>
              </List.Item>
            );
          }}
        />
      )}
    </>
  );
}
