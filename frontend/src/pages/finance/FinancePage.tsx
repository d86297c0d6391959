import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Badge, Button, Card, Empty, Form, Grid, Input, Modal, Pagination, Segmented, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { formatFen, hundredthsToText, yuanToFen } from '../../lib/money';
import { reasonText } from '../../lib/permissions';
import { msgText } from '../../lib/msg';
import { applyFormError } from '../../lib/errors';
import { useMessage } from '../../components/feedback';
import FormAlert from '../../components/FormAlert';
import { LoadError } from '../../components/PageState';
import {
  DISBURSEMENT_STATUSES,
  FINANCE_PER_PAGE,
  PAYMENT_STATUSES,
  settlementsXLSXURL,
  useConfirmPayment,
  useFinanceCounts,
  useFinanceDisbursements,
  useFinancePayments,
  useMarkSent,
  type DisbursementStatus,
  type FinanceDisbursement,
  type FinancePayment,
  type PaymentStatus,
} from '../../api/money';
import { CopyText, DisbursementReason, DisbursementStatusTag, PaymentStatusTag, receivedText, useProviderText } from '../contracts/money/parts';
import '../contracts/money/money.css';
import '../../i18n/lifecycle';

type View = 'in' | 'out';

/** The bank's transaction reference: 4–100 characters (as the server checks). */
const bankRefRule = (msg: string) => ({
  validator: async (_: unknown, v?: string) => {
    const n = [...(v ?? '').trim()].length;
    if (n < 4 || n > 100) throw new Error(msg);
  },
});

/** /finance (finance staff): bank transfers to match against what actually
 *  arrived, payouts and refunds to send from the bank by hand, and the
 *  settlement export. Every action here is audit-logged by the server. */
export default function FinancePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'out' ? 'out' : 'in';
  const raw = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const payStatus: PaymentStatus = PAYMENT_STATUSES.includes(raw as PaymentStatus) ? (raw as PaymentStatus) : 'pending';
  const outStatus: DisbursementStatus = DISBURSEMENT_STATUSES.includes(raw as DisbursementStatus) ? (raw as DisbursementStatus) : 'queued';
  const payCounts = useFinanceCounts('payments', PAYMENT_STATUSES);
  const outCounts = useFinanceCounts('disbursements', DISBURSEMENT_STATUSES);

  const go = (v: View, status?: string, p = 1) => {
    const next = new URLSearchParams();
    if (v !== 'in') next.set('view', v);
    if (status) next.set('status', status);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };
  const withCount = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${n})`);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} className="page-title" style={{ marginBottom: 4 }}>
          {t('money.finance.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('money.finance.intro')}</Typography.Text>
      </div>
      <Tabs
        activeKey={view}
        onChange={(k) => go(k as View)}
        items={[
          {
            key: 'in',
            label: (
              <span data-testid="finance-tab-in">
                {t('money.finance.in')} <Badge count={payCounts.pending ?? 0} color="#d46b08" />
              </span>
            ),
            children: (
              <>
                <StatusPicker
                  value={payStatus}
                  onChange={(s) => go('in', s)}
                  options={PAYMENT_STATUSES.map((s) => ({ value: s, label: withCount(t(`money.finance.payStatus.${s}` as const), payCounts[s]) }))}
                />
                <PaymentQueue status={payStatus} page={page} onPage={(p) => go('in', payStatus, p)} />
              </>
            ),
          },
          {
            key: 'out',
            label: (
              <span data-testid="finance-tab-out">
                {t('money.finance.out')} <Badge count={outCounts.queued ?? 0} color="#d46b08" />
              </span>
            ),
            children: (
              <>
                <StatusPicker
                  value={outStatus}
                  onChange={(s) => go('out', s)}
                  options={DISBURSEMENT_STATUSES.map((s) => ({ value: s, label: withCount(t(`money.finance.outStatus.${s}` as const), outCounts[s]) }))}
                />
                <DisbursementQueue status={outStatus} page={page} onPage={(p) => go('out', outStatus, p)} />
              </>
            ),
          },
        ]}
      />
      <SettlementExport />
    </Space>
  );
}

function StatusPicker<T extends string>({ value, onChange, options }: { value: T; onChange: (v: T) => void; options: { value: T; label: string }[] }) {
  const t = useT();
  return (
    <div style={{ overflowX: 'auto', marginBottom: 12 }} role="group" aria-label={t('money.finance.statusFilter')}>
      <Segmented<T> value={value} onChange={onChange} options={options} data-testid="finance-status" />
    </div>
  );
}

function Pager({ total, page, onPage }: { total: number; page: number; onPage: (p: number) => void }) {
  if (total <= FINANCE_PER_PAGE) return null;
  return <Pagination current={page} pageSize={FINANCE_PER_PAGE} total={total} onChange={onPage} showSizeChanger={false} align="center" style={{ marginTop: 12 }} />;
}

/** Payments in. A manual bank transfer still pending (or one that arrived
 *  after its contract ended) can be confirmed with the amount received. */
function PaymentQueue({ status, page, onPage }: { status: PaymentStatus; page: number; onPage: (p: number) => void }) {
  const t = useT();
  const lang = useLang();
  const phone = !Grid.useBreakpoint().md;
  const provider = useProviderText();
  const list = useFinancePayments(status, page);
  const [confirming, setConfirming] = useState<FinancePayment | null>(null);
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  if (items.length === 0) return <Empty description={t(status === 'pending' ? 'money.finance.in.emptyPending' : 'money.finance.empty')} />;

  const action = (p: FinancePayment) =>
    p.actions.confirm.allowed ? (
      <Button type="primary" icon={<CheckOutlined />} onClick={() => setConfirming(p)} data-testid="finance-confirm">
        {t('money.finance.in.confirm')}
      </Button>
    ) : p.provider === 'stripe' && p.status === 'pending' ? (
      <Typography.Text type="secondary">{t('money.finance.in.stripeAuto')}</Typography.Text>
    ) : null;
  const what = (p: FinancePayment) => (
    <>
      <Link to={`/contracts/${p.contract_id}`}>{p.contract_title}</Link>
      <div className="money-item-meta">
        {t(`money.purpose.${p.purpose}` as const)} · {p.payer_name}
      </div>
    </>
  );
  const amount = (p: FinancePayment) => (
    <>
      <strong className="money-amount">{formatFen(p.amount)}</strong>
      {receivedText(p, t) && <div className="money-item-meta">{receivedText(p, t)}</div>}
    </>
  );
  const notes = (p: FinancePayment) =>
    [p.receipt_note && t('money.finance.in.payerNote', { note: p.receipt_note }), p.bank_reference && t('money.bankRef', { ref: p.bank_reference }), msgText(p.failure_reason, lang)]
      .filter(Boolean)
      .join(' · ');

  return (
    <>
      {phone ? (
        <div className="money-card-list">
          {items.map((p) => (
            <div key={p.id} className="money-item" data-testid="finance-payment">
              <div className="money-item-head">
                <CopyText text={p.reference} strong />
                <PaymentStatusTag p={p} />
              </div>
              <div style={{ marginTop: 4 }}>{what(p)}</div>
              <div className="money-item-head" style={{ marginTop: 4 }}>
                {amount(p)}
                <span className="money-item-meta">
                  {provider(p.provider)} · {formatDate(lang, p.created_at, true)}
                </span>
              </div>
              {notes(p) && <div className="money-item-meta">{notes(p)}</div>}
              {action(p) && <div style={{ marginTop: 8 }}>{action(p)}</div>}
            </div>
          ))}
        </div>
      ) : (
        <Table<FinancePayment>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          onRow={() => ({ 'data-testid': 'finance-payment' }) as object}
          columns={[
            { key: 'ref', title: t('money.finance.col.reference'), render: (_, p) => <CopyText text={p.reference} strong /> },
            { key: 'what', title: t('money.finance.col.contract'), render: (_, p) => what(p) },
            { key: 'amount', title: t('money.col.amount'), align: 'right', render: (_, p) => amount(p) },
            { key: 'how', title: t('money.col.provider'), render: (_, p) => provider(p.provider) },
            { key: 'date', title: t('money.finance.col.created'), render: (_, p) => formatDate(lang, p.created_at, true) },
            { key: 'notes', title: t('money.finance.col.notes'), render: (_, p) => <span className="break-all">{notes(p)}</span> },
            { key: 'status', title: t('money.col.status'), render: (_, p) => <PaymentStatusTag p={p} /> },
            { key: 'act', title: '', render: (_, p) => action(p) },
          ]}
        />
      )}
      <Pager total={list.data.total} page={page} onPage={onPage} />
      {confirming && <ConfirmModal p={confirming} onClose={() => setConfirming(null)} />}
    </>
  );
}

interface ConfirmForm {
  /** Yuan as typed; sent as fen. Named as the server's field so its errors land here. */
  amount_received: string;
  bank_reference: string;
}

/** What finance staff saw arrive. The amount is recorded as it is: short
 *  stays owed, over is refunded — never rounded into the expected figure. */
function ConfirmModal({ p, onClose }: { p: FinancePayment; onClose: () => void }) {
  const t = useT();
  const message = useMessage();
  const [form] = Form.useForm<ConfirmForm>();
  const confirm = useConfirmPayment();
  const [formError, setFormError] = useState<string | null>(null);
  const typed = Form.useWatch('amount_received', form);
  const received = yuanToFen(typed ?? '');
  const vars = { payer: p.payer_name, amount: formatFen(p.amount) };
  let consequence: { type: 'success' | 'warning' | 'info'; text: string } | null = null;
  if (p.status === 'cancelled') consequence = { type: 'warning', text: t('money.finance.confirm.ended', vars) };
  else if (received != null && received > 0) {
    const diff = received - p.amount;
    if (diff === 0) consequence = { type: 'success', text: t('money.finance.confirm.exact', vars) };
    else if (diff < 0) consequence = { type: 'warning', text: t('money.finance.confirm.short', { ...vars, received: formatFen(received), diff: formatFen(-diff) }) };
    else consequence = { type: 'warning', text: t('money.finance.confirm.over', { ...vars, received: formatFen(received), diff: formatFen(diff) }) };
  }
  const submit = (v: ConfirmForm) => {
    setFormError(null);
    confirm.mutate(
      { id: p.id, amountReceived: yuanToFen(v.amount_received) ?? 0, bankReference: v.bank_reference.trim() },
      {
        onSuccess: (r) => {
          void message.success(t(`money.finance.confirm.done.${r.status === 'short' || r.status === 'over' ? r.status : 'succeeded'}` as const));
          onClose();
        },
        onError: (e) => setFormError(applyFormError(form, e, t)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('money.finance.confirm.title')}
      okText={t('money.finance.confirm.ok')}
      okButtonProps={{ 'data-testid': 'finance-confirm-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={confirm.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <dl className="kv" data-testid="finance-confirm-facts">
        <dt>{t('money.finance.col.reference')}</dt>
        <dd>
          <CopyText text={p.reference} strong />
        </dd>
        <dt>{t('money.finance.confirm.payer')}</dt>
        <dd>{p.payer_name}</dd>
        <dt>{t('money.finance.col.contract')}</dt>
        <dd>
          {p.contract_title} · {t(`money.purpose.${p.purpose}` as const)}
        </dd>
        <dt>{t('money.finance.confirm.expected')}</dt>
        <dd>
          <strong className="money-amount">{formatFen(p.amount)}</strong>
        </dd>
        {p.receipt_note && (
          <>
            <dt>{t('money.finance.confirm.note')}</dt>
            <dd className="pre-wrap">{p.receipt_note}</dd>
          </>
        )}
      </dl>
      <FormAlert message={formError} />
      <Form<ConfirmForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        aria-label={t('money.finance.confirm.title')}
        initialValues={{ amount_received: hundredthsToText(p.amount), bank_reference: '' }}
        onFinish={submit}
      >
        <Form.Item
          name="amount_received"
          label={t('money.finance.confirm.amount')}
          extra={t('money.finance.confirm.amountHelp')}
          rules={[
            {
              validator: async (_: unknown, v?: string) => {
                const n = yuanToFen(v ?? '');
                if (n == null || n <= 0) throw new Error(t('money.finance.confirm.amountInvalid'));
              },
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" autoComplete="off" data-testid="finance-amount" />
        </Form.Item>
        <Form.Item
          name="bank_reference"
          label={t('money.finance.confirm.bankRef')}
          rules={[bankRefRule(t('money.finance.bankRefInvalid'))]}
        >
          <Input autoComplete="off" className="mono" data-testid="finance-bank-ref" />
        </Form.Item>
      </Form>
      {consequence && <Alert type={consequence.type} showIcon message={consequence.text} className="money-consequence" data-testid="finance-consequence" />}
    </Modal>
  );
}

/** Money going out: payouts to workshops, refunds and compensation; a queued
 *  manual one is sent from the bank and recorded with its bank reference. */
function DisbursementQueue({ status, page, onPage }: { status: DisbursementStatus; page: number; onPage: (p: number) => void }) {
  const t = useT();
  const lang = useLang();
  const phone = !Grid.useBreakpoint().md;
  const provider = useProviderText();
  const list = useFinanceDisbursements(status, page);
  const [sending, setSending] = useState<FinanceDisbursement | null>(null);
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  if (items.length === 0) return <Empty description={t(status === 'queued' ? 'money.finance.out.emptyQueued' : 'money.finance.empty')} />;

  const account = (d: FinanceDisbursement) =>
    d.account_number ? (
      <div className="break-all">
        {d.account_name} · {d.bank_name}
        <div>
          <CopyText text={d.account_number} />
        </div>
      </div>
    ) : (
      <Typography.Text type="warning">{t('money.finance.out.noAccount')}</Typography.Text>
    );
  const action = (d: FinanceDisbursement) =>
    d.actions.mark_sent.allowed ? (
      <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(d)} data-testid="finance-send">
        {t('money.finance.out.markSent')}
      </Button>
    ) : d.provider === 'manual' && d.actions.mark_sent.reason && d.status === 'queued' ? (
      <Typography.Text type="warning" data-testid="finance-blocked">
        {reasonText(d.actions.mark_sent, lang)}
      </Typography.Text>
    ) : d.status === 'queued' || d.status === 'sending' ? (
      <Typography.Text type="secondary">{t('money.finance.out.stripeAuto')}</Typography.Text>
    ) : null;
  const what = (d: FinanceDisbursement) => (
    <>
      <Link to={`/contracts/${d.contract_id}`}>{d.contract_title}</Link>
      <div className="money-item-meta">
        {t(`money.kind.${d.kind}` as const)} → {d.recipient_name}
      </div>
      <DisbursementReason d={d} />
    </>
  );
  const ref = (d: FinanceDisbursement) => [d.bank_reference && t('money.bankRef', { ref: d.bank_reference }), d.provider_ref].filter(Boolean).join(' · ');

  return (
    <>
      {phone ? (
        <div className="money-card-list">
          {items.map((d) => (
            <div key={d.id} className="money-item" data-testid="finance-disbursement">
              <div className="money-item-head">
                <strong className="money-amount">{formatFen(d.amount)}</strong>
                <DisbursementStatusTag d={d} />
              </div>
              <div style={{ marginTop: 4 }}>{what(d)}</div>
              <div style={{ marginTop: 4 }}>{account(d)}</div>
              <div className="money-item-meta">
                {provider(d.provider)} · {formatDate(lang, d.sent_at ?? d.created_at, true)}
                {ref(d) && ` · ${ref(d)}`}
              </div>
              {action(d) && <div style={{ marginTop: 8 }}>{action(d)}</div>}
            </div>
          ))}
        </div>
      ) : (
        <Table<FinanceDisbursement>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          onRow={() => ({ 'data-testid': 'finance-disbursement' }) as object}
          columns={[
            { key: 'what', title: t('money.finance.col.contract'), render: (_, d) => what(d) },
            { key: 'amount', title: t('money.col.amount'), align: 'right', render: (_, d) => <strong className="money-amount">{formatFen(d.amount)}</strong> },
            { key: 'account', title: t('money.finance.col.account'), render: (_, d) => account(d) },
            { key: 'date', title: t('money.col.date'), render: (_, d) => formatDate(lang, d.sent_at ?? d.created_at, true) },
            { key: 'ref', title: t('money.col.reference'), render: (_, d) => <span className="mono break-all">{ref(d) || provider(d.provider)}</span> },
            { key: 'status', title: t('money.col.status'), render: (_, d) => <DisbursementStatusTag d={d} /> },
            { key: 'act', title: '', render: (_, d) => action(d) },
          ]}
        />
      )}
      <Pager total={list.data.total} page={page} onPage={onPage} />
      {sending && <SentModal d={sending} onClose={() => setSending(null)} />}
    </>
  );
}

function SentModal({ d, onClose }: { d: FinanceDisbursement; onClose: () => void }) {
  const t = useT();
  const message = useMessage();
  const [form] = Form.useForm<{ bank_reference: string }>();
  const mark = useMarkSent();
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('money.finance.sent.title')}
      okText={t('money.finance.sent.ok')}
      okButtonProps={{ 'data-testid': 'finance-sent-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={mark.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('money.finance.sent.text', { amount: formatFen(d.amount), kind: t(`money.kind.${d.kind}` as const), who: d.recipient_name })}
      </Typography.Paragraph>
      <dl className="kv">
        <dt>{t('money.payout.accountName')}</dt>
        <dd>{d.account_name}</dd>
        <dt>{t('money.payout.bankName')}</dt>
        <dd>{d.bank_name}</dd>
        <dt>{t('money.payout.accountNumber')}</dt>
        <dd>
          <CopyText text={d.account_number} />
        </dd>
      </dl>
      <FormAlert message={formError} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        aria-label={t('money.finance.sent.title')}
        onFinish={(v) =>
          mark.mutate(
            { id: d.id, bankReference: v.bank_reference.trim() },
            {
              onSuccess: () => {
                void message.success(t('money.finance.sent.done'));
                onClose();
              },
              onError: (e) => setFormError(applyFormError(form, e, t)),
            },
          )
        }
      >
        <Form.Item
          name="bank_reference"
          label={t('money.finance.confirm.bankRef')}
          rules={[bankRefRule(t('money.finance.bankRefInvalid'))]}
        >
          <Input autoComplete="off" className="mono" data-testid="finance-sent-ref" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Every contract settled in a date range, as a spreadsheet (GET /finance/settlements.xlsx). */
function SettlementExport() {
  const t = useT();
  const today = new Date();
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const [from, setFrom] = useState(iso(new Date(today.getFullYear(), today.getMonth(), 1)));
  const [to, setTo] = useState(iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1)));
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && to > from;
  return (
    <Card size="small" title={t('money.finance.export.title')}>
      <Space wrap align="end">
        <label>
          <div className="muted">{t('money.finance.export.from')}</div>
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          <div className="muted">{t('money.finance.export.to')}</div>
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <Button icon={<DownloadOutlined />} href={ok ? settlementsXLSXURL(from, to) : undefined} disabled={!ok} download>
          {t('money.finance.export.download')}
        </Button>
      </Space>
      {!ok && <Typography.Paragraph type="danger" style={{ margin: '6px 0 0' }}>{t('money.finance.export.range')}</Typography.Paragraph>}
    </Card>
  );
}
