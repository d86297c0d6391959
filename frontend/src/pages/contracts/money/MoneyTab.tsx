import { useState } from 'react';
import { Card, Empty, Grid, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { ContractView } from '../../../api/types';
import { formatDate, tDynamic, useLang, useT } from '../../../i18n';
import { formatFen } from '../../../lib/money';
import { msgText } from '../../../lib/msg';
import { LoadError } from '../../../components/PageState';
import { useContractLedger, type Disbursement, type LedgerTransaction, type ContractPayments, type Payment } from '../../../api/money';
import { DisbursementReason, DisbursementStatusTag, Figure, PaymentStatusTag, receivedText, useAccountText, useProviderText } from './parts';

/** The contract's money tab: what is held, what was paid in, what went out
 *  (payouts, refunds, compensation) and the double-entry ledger behind it.
 *  A table on a wide screen, cards on a phone. */
export default function MoneyTab({ c, m }: { c: ContractView; m: ContractPayments }) {
  const t = useT();
  const [tab, setTab] = useState<'flow' | 'ledger'>('flow');
  return (
    <Card size="small" title={t('money.tab.title')} data-testid="money-tab">
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'flow' | 'ledger')}
        size="small"
        items={[
          { key: 'flow', label: t('money.tab.flow'), children: <Flow c={c} m={m} /> },
          { key: 'ledger', label: t('money.tab.ledger'), children: tab === 'ledger' && <Ledger contractId={c.id} /> },
        ]}
      />
    </Card>
  );
}

function Flow({ c, m }: { c: ContractView; m: ContractPayments }) {
  const t = useT();
  const h = m.held;
  return (
    <>
      <div className="money-figures" data-testid="money-held">
        <Figure label={t('money.held.escrow')} value={h.escrow} testId="held-escrow" />
        <Figure label={t('money.held.deposit')} value={h.deposit} testId="held-deposit" />
        <Figure label={t('money.held.released')} value={h.released} testId="held-released" tone={h.released > 0 ? 'good' : undefined} />
        {h.workshop_payable > 0 && <Figure label={t('money.held.workshopPayable')} value={h.workshop_payable} tone="warn" />}
        {h.refunds_payable > 0 && <Figure label={t('money.held.refundsPayable')} value={h.refunds_payable} tone="warn" testId="held-refunds" />}
      </div>
      <Typography.Title level={5} className="section-title" style={{ marginTop: 16 }}>
        {t('money.in.title')}
      </Typography.Title>
      <Payments c={c} items={m.payments} />
      <Typography.Title level={5} className="section-title" style={{ marginTop: 16 }}>
        {t('money.out.title')}
      </Typography.Title>
      <Disbursements c={c} items={m.disbursements} />
    </>
  );
}

function usePayerName(c: ContractView) {
  return (p: Pick<Payment, 'purpose'>) => (p.purpose === 'escrow' ? c.company.name : c.workshop.name);
}

function Payments({ c, items }: { c: ContractView; items: Payment[] }) {
  const t = useT();
  const lang = useLang();
  const phone = !Grid.useBreakpoint().md;
  const provider = useProviderText();
  const payer = usePayerName(c);
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('money.in.empty')} />;
  const amount = (p: Payment) => (
    <>
      <strong className="money-amount">{formatFen(p.amount_received ?? p.amount)}</strong>
      {receivedText(p, t) && <div className="money-item-meta">{receivedText(p, t)}</div>}
    </>
  );
  const refs = (p: Payment) =>
    [p.reference, p.bank_reference && t('money.bankRef', { ref: p.bank_reference }), msgText(p.failure_reason, lang)].filter(Boolean).join(' · ');
  if (phone) {
    return (
      <div className="money-card-list">
        {items.map((p) => (
          <div key={p.id} className="money-item" data-testid="payment-row">
            <div className="money-item-head">
              <span>
                {t(`money.purpose.${p.purpose}` as const)} · {payer(p)}
              </span>
              <PaymentStatusTag p={p} />
            </div>
            <div className="money-item-head" style={{ marginTop: 4 }}>
              {amount(p)}
            </div>
            <div className="money-item-meta">
              {formatDate(lang, p.settled_at ?? p.created_at, true)} · {provider(p.provider)} · {refs(p)}
            </div>
          </div>
        ))}
      </div>
    );
  }
  return (
    <Table<Payment>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      onRow={() => ({ 'data-testid': 'payment-row' }) as object}
      columns={[
        { key: 'date', title: t('money.col.date'), render: (_, p) => formatDate(lang, p.settled_at ?? p.created_at, true) },
        { key: 'what', title: t('money.col.what'), render: (_, p) => `${t(`money.purpose.${p.purpose}` as const)} · ${payer(p)}` },
        { key: 'amount', title: t('money.col.amount'), align: 'right', render: (_, p) => amount(p) },
        { key: 'provider', title: t('money.col.provider'), render: (_, p) => provider(p.provider) },
        { key: 'ref', title: t('money.col.reference'), render: (_, p) => <span className="mono break-all">{refs(p)}</span> },
        { key: 'status', title: t('money.col.status'), render: (_, p) => <PaymentStatusTag p={p} /> },
      ]}
    />
  );
}

function Disbursements({ c, items }: { c: ContractView; items: Disbursement[] }) {
  const t = useT();
  const lang = useLang();
  const phone = !Grid.useBreakpoint().md;
  const provider = useProviderText();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('money.out.empty')} />;
  const to = (d: Disbursement) => (d.recipient_id === c.company.id ? c.company.name : d.recipient_id === c.workshop.id ? c.workshop.name : '');
  const what = (d: Disbursement) => `${t(`money.kind.${d.kind}` as const)} → ${to(d)}`;
  const ref = (d: Disbursement) => [d.bank_reference && t('money.bankRef', { ref: d.bank_reference }), d.provider_ref].filter(Boolean).join(' · ');
  if (phone) {
    return (
      <div className="money-card-list">
        {items.map((d) => (
          <div key={d.id} className="money-item" data-testid="disbursement-row">
            <div className="money-item-head">
              <span>{what(d)}</span>
              <DisbursementStatusTag d={d} />
            </div>
            <strong className="money-amount">{formatFen(d.amount)}</strong>
            <DisbursementReason d={d} />
            <div className="money-item-meta">
              {formatDate(lang, d.sent_at ?? d.created_at, true)} · {provider(d.provider)}
              {ref(d) && ` · ${ref(d)}`}
            </div>
          </div>
        ))}
      </div>
    );
  }
  return (
    <Table<Disbursement>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      onRow={() => ({ 'data-testid': 'disbursement-row' }) as object}
      columns={[
        { key: 'date', title: t('money.col.date'), render: (_, d) => formatDate(lang, d.sent_at ?? d.created_at, true) },
        {
          key: 'what',
          title: t('money.col.what'),
          render: (_, d) => (
            <>
              {what(d)}
              <DisbursementReason d={d} />
            </>
          ),
        },
        { key: 'amount', title: t('money.col.amount'), align: 'right', render: (_, d) => <strong className="money-amount">{formatFen(d.amount)}</strong> },
        { key: 'provider', title: t('money.col.provider'), render: (_, d) => provider(d.provider) },
        { key: 'ref', title: t('money.col.reference'), render: (_, d) => <span className="mono break-all">{ref(d)}</span> },
        { key: 'status', title: t('money.col.status'), render: (_, d) => <DisbursementStatusTag d={d} /> },
      ]}
    />
  );
}

function Balanced({ ok }: { ok: boolean }) {
  const t = useT();
  return ok ? (
    <Tag color="success" icon={<CheckCircleFilled />} data-testid="ledger-balanced" style={{ marginInlineEnd: 0 }}>
      {t('money.ledger.balanced')}
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleFilled />} data-testid="ledger-unbalanced" style={{ marginInlineEnd: 0 }}>
      {t('money.ledger.unbalanced')}
    </Tag>
  );
}

function Lines({ tx }: { tx: LedgerTransaction }) {
  const account = useAccountText();
  const provider = useProviderText();
  return (
    <ul className="ledger-lines">
      {tx.lines.map((l, i) => (
        <li key={i}>
          <span>
            {account(l.account)}
            {l.provider && <span className="muted"> ({provider(l.provider)})</span>}
          </span>
          <span className={`money-amount${l.amount < 0 ? ' neg' : ''}`}>{(l.amount > 0 ? '+' : '') + formatFen(l.amount)}</span>
        </li>
      ))}
    </ul>
  );
}

function Ledger({ contractId }: { contractId: string }) {
  const t = useT();
  const lang = useLang();
  const phone = !Grid.useBreakpoint().md;
  const ledger = useContractLedger(contractId);
  if (ledger.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (ledger.isError) return <LoadError error={ledger.error} onRetry={() => void ledger.refetch()} />;
  const txs = ledger.data;
  if (txs.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('money.ledger.empty')} />;
  const kind = (k: string) => tDynamic(t, `money.tx.${k}`, k);
  const all = txs.every((x) => x.balanced);
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }} data-testid="ledger-summary">
        {t('money.ledger.intro')} {all ? t('money.ledger.allBalanced', { n: txs.length }) : t('money.ledger.someUnbalanced')}
      </Typography.Paragraph>
      {phone ? (
        <div className="money-card-list">
          {txs.map((x) => (
            <div key={x.id} className="money-item" data-testid="ledger-tx">
              <div className="money-item-head">
                <span>{kind(x.kind)}</span>
                <Balanced ok={x.balanced} />
              </div>
              <div className="money-item-meta" style={{ marginBottom: 6 }}>
                {formatDate(lang, x.at, true)}
                {x.memo && ` · ${x.memo}`}
              </div>
              <Lines tx={x} />
            </div>
          ))}
        </div>
      ) : (
        <Table<LedgerTransaction>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={txs}
          onRow={() => ({ 'data-testid': 'ledger-tx' }) as object}
          columns={[
            { key: 'at', title: t('money.col.date'), width: 150, render: (_, x) => formatDate(lang, x.at, true) },
            {
              key: 'kind',
              title: t('money.col.what'),
              width: 200,
              render: (_, x) => (
                <>
                  {kind(x.kind)}
                  {x.memo && <div className="money-item-meta">{x.memo}</div>}
                </>
              ),
            },
            { key: 'lines', title: t('money.ledger.lines'), render: (_, x) => <Lines tx={x} /> },
            { key: 'ok', title: t('money.ledger.check'), width: 110, render: (_, x) => <Balanced ok={x.balanced} /> },
          ]}
        />
      )}
    </>
  );
}
