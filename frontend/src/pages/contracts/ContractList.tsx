import { Link, useSearchParams } from 'react-router';
import { Card, Empty, List, Space, Tabs, Typography } from 'antd';
import { formatDate, useLang, useT } from '../../i18n';
import { CONTRACTS_PER_PAGE, useContracts } from '../../api/contracts';
import { CONTRACT_STATUSES, type ContractStatus, type ContractView } from '../../api/types';
import { formatFen } from '../../lib/money';
import { LoadError } from '../../components/PageState';
import ContractStatusTag from '../../components/bids/ContractStatusTag';
import { nextStepText } from './contractText';

/** /contracts — my organisation's contracts (staff: all). */
export default function ContractList() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = (CONTRACT_STATUSES as string[]).includes(raw) ? (raw as ContractStatus) : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useContracts(status, page);

  const setQuery = (s: string, p = 1) => {
    const next = new URLSearchParams();
    if (s) next.set('status', s);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };
  const tabs = [{ key: '', label: t('common.all') }, ...CONTRACT_STATUSES.map((s) => ({ key: s, label: t(`contractStatus.${s}` as const) }))];

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('contracts.title')}
      </Typography.Title>
      <Tabs activeKey={status} items={tabs} onChange={(k) => setQuery(k)} className="status-tabs" />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty description={status ? t('contracts.emptyStatus') : t('contracts.empty')} />
      ) : (
        <List<ContractView>
          dataSource={list.data?.items}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          split={false}
          pagination={
            (list.data?.total ?? 0) > CONTRACTS_PER_PAGE && {
              current: page,
              pageSize: CONTRACTS_PER_PAGE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              align: 'center',
              onChange: (p) => setQuery(status, p),
            }
          }
          renderItem={(c) => <ContractCard contract={c} />}
        />
      )}
    </>
  );
}

function ContractCard({ contract: c }: { contract: ContractView }) {
  const t = useT();
  const lang = useLang();
  return (
    <List.Item className="order-list-item">
      <Card size="small" className="order-card" data-testid="contract-card">
        <div className="order-card-head">
          <Link to={`/contracts/${c.id}`} className="order-card-title">
            {c.title}
          </Link>
          <ContractStatusTag status={c.status} />
        </div>
        <Space size={[16, 4]} wrap className="hit-company card-line">
          <Typography.Text type="secondary">
            {t('contract.company')}
            {t('common.colon')}
            {c.company.name}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('contract.workshop')}
            {t('common.colon')}
            {c.workshop.name}
          </Typography.Text>
        </Space>
        <Space size={[16, 4]} wrap className="order-card-facts card-line">
          <span>
            {t('orders.pieces', { n: c.quantity.toLocaleString() })} × {t('orders.perPiece', { price: formatFen(c.unit_price) })}
          </span>
          <span>
            {t('contract.escrow')}
            {t('common.colon')}
            <strong>{formatFen(c.escrow_amount)}</strong>
          </span>
          <span>
            {t('contract.due')}
            {t('common.colon')}
            {formatDate(lang, c.due_date)}
          </span>
        </Space>
        {c.next.who !== 'none' && (
          <Typography.Paragraph
            className={`contract-next-short ${c.next.who === 'you' ? 'you' : ''}`}
            ellipsis={{ rows: 2 }}
            style={{ margin: '6px 0 0' }}
            data-testid="contract-next"
          >
            {c.next.who === 'you' && <strong>{t('contract.yourTurn')}</strong>}
            {nextStepText(c, t, lang)}
          </Typography.Paragraph>
        )}
      </Card>
    </List.Item>
  );
}
