import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { BankOutlined, CheckCircleFilled, CreditCardOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ContractView } from '../../../api/types';
import type { Side } from '../contractText';
import { formatDate, useLang, useT } from '../../../i18n';
import { formatFen } from '../../../lib/money';
import { errorText } from '../../../lib/errors';
import { useMessage } from '../../../components/feedback';
import {
  useAttachReceipt,
  useSimulatePayment,
  useStartPayment,
  type ContractPayments,
  type Payment,
  type PaymentPurpose,
} from '../../../api/money';
import { CopyText, PaymentStatusTag } from './parts';
import CardPayment from './CardPayment';

/** Paying in while the contract awaits funding: the escrow (company) and
 *  the deposit (workshop), each by bank transfer or by card (Stripe), with
 *  the deadline. Staff see where each stands and, in Stripe test mode, can
 *  simulate a card payment through the real webhook. */
export default function PayIn({ c, side, m }: { c: ContractView; side: Side; m: ContractPayments }) {
  const t = useT();
  const lang = useLang();
  const due = m.owed;
  return (
    <Card size="small" title={t('money.payin.title')} data-testid="payin" id="payin">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }} data-testid="funding-deadline">
        {t('money.payin.deadline', { date: formatDate(lang, m.funding_due_at, true) })}
      </Typography.Paragraph>
      <DueRow
        c={c}
        m={m}
        purpose="escrow"
        mine={side === 'company'}
        can={c.actions.fund.allowed}
        title={t('money.purpose.escrow')}
        who={c.company.name}
        required={m.escrow_required}
        still={due.escrow}
      />
      {m.deposit_waived ? (
        <div className="money-due-row" data-testid="due-deposit">
          <div>
            <div className="money-due-title">{t('money.purpose.deposit')}</div>
            <Typography.Text type="secondary">{t('money.payin.waivedText')}</Typography.Text>
          </div>
          <Tag color="success" icon={<SafetyCertificateOutlined />} data-testid="deposit-waived">
            {t('money.payin.waived')}
          </Tag>
        </div>
      ) : m.deposit_required === 0 ? (
        <div className="money-due-row" data-testid="due-deposit">
          <div className="money-due-title">{t('money.purpose.deposit')}</div>
          <Tag>{t('money.payin.noDeposit')}</Tag>
        </div>
      ) : (
        <DueRow
          c={c}
          m={m}
          purpose="deposit"
          mine={side === 'workshop'}
          can={c.actions.pay_deposit.allowed}
          title={t('money.purpose.deposit')}
          who={c.workshop.name}
          required={m.deposit_required}
          still={due.deposit}
        />
      )}
    </Card>
  );
}

function DueRow(props: {
  c: ContractView;
  m: ContractPayments;
  purpose: PaymentPurpose;
  mine: boolean;
  can: boolean; // the server allows this caller to start the payment now
  title: string;
  who: string;
  required: number;
  still: number;
}) {
  const { c, m, purpose, mine, can, title, who, required, still } = props;
  const t = useT();
  const openID = purpose === 'escrow' ? m.owed.open_escrow : m.owed.open_deposit;
  const open = m.payments.find((p) => p.id === openID);
  const held = purpose === 'escrow' ? m.held.escrow : m.held.deposit;
  // The last short transfer explains why something is still owed.
  const lastShort = m.payments.filter((p) => p.purpose === purpose && p.status === 'short').at(-1);
  return (
    <div className="money-due-row" data-testid={`due-${purpose}`} style={{ display: 'block' }}>
      <div className="money-item-head">
        <div>
          <div className="money-due-title">{title}</div>
          <Typography.Text type="secondary">{t('money.payin.payer', { who })}</Typography.Text>
        </div>
        {still === 0 ? (
          <Tag color="success" icon={<CheckCircleFilled />} data-testid={`${purpose}-funded`}>
            {t('money.payin.funded', { amount: formatFen(required) })}
          </Tag>
        ) : (
          <span className="money-amount" data-testid={`${purpose}-owed`}>
            {held > 0 ? t('money.payin.partly', { held: formatFen(held), still: formatFen(still) }) : t('money.payin.owed', { amount: formatFen(still) })}
          </span>
        )}
      </div>
      {still > 0 && lastShort && !open && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid={`${purpose}-short`}
          message={t('money.payin.shortNote', { received: formatFen(lastShort.amount_received ?? 0), still: formatFen(still) })}
        />
      )}
      {still > 0 &&
        (open ? (
          <OpenPayment p={open} m={m} mine={mine} contractId={c.id} />
        ) : can ? (
          <PayButton contractId={c.id} purpose={purpose} amount={still} provider={m.provider} />
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {t('money.payin.notStarted', { who })}
          </Typography.Paragraph>
        ))}
    </div>
  );
}

function PayButton({ contractId, purpose, amount, provider }: { contractId: string; purpose: PaymentPurpose; amount: number; provider: string }) {
  const t = useT();
  const message = useMessage();
  const start = useStartPayment(contractId);
  const card = provider === 'stripe';
  return (
    <div style={{ marginTop: 8 }}>
      <Button
        type="primary"
        size="large"
        icon={card ? <CreditCardOutlined /> : <BankOutlined />}
        loading={start.isPending}
        data-testid={`pay-${purpose}`}
        onClick={() =>
          start.mutate(purpose, {
            onError: (e) => void message.error(errorText(e, t)),
          })
        }
      >
        {t(card ? 'money.payin.payCard' : 'money.payin.payBank', { amount: formatFen(amount) })}
      </Button>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
        {t(card ? 'money.payin.cardHelp' : 'money.payin.bankHelp')}
      </Typography.Paragraph>
    </div>
  );
}

/** A payment started and not yet confirmed: the payer gets what to do; the
 *  other party and staff see where it stands. */
function OpenPayment({ p, m, mine, contractId }: { p: Payment; m: ContractPayments; mine: boolean; contractId: string }) {
  const t = useT();
  const lang = useLang();
  if (p.provider === 'stripe') {
    return (
      <div className="money-transfer" data-testid={`open-${p.purpose}`}>
        <Space wrap>
          <PaymentStatusTag p={p} />
          <span className="money-amount">{formatFen(p.amount)}</span>
          <Typography.Text type="secondary">{p.reference}</Typography.Text>
        </Space>
        {mine && <CardPayment payment={p} publishableKey={m.publishable_key} />}
        {p.actions.simulate.allowed && <Simulate paymentId={p.id} contractId={contractId} />}
      </div>
    );
  }
  if (!mine) {
    return (
      <div className="money-transfer" data-testid={`open-${p.purpose}`}>
        <Space wrap>
          <PaymentStatusTag p={p} />
          <span>{t('money.payin.otherWaiting', { amount: formatFen(p.amount), ref: p.reference })}</span>
        </Space>
        {p.receipt_note && <div className="money-item-meta">{t('money.payin.receiptShown', { note: p.receipt_note })}</div>}
      </div>
    );
  }
  const bank = m.bank;
  return (
    <div className="money-transfer" data-testid={`open-${p.purpose}`}>
      <Space wrap style={{ marginBottom: 4 }}>
        <PaymentStatusTag p={p} />
      </Space>
      <Typography.Paragraph style={{ margin: '4px 0 0' }} data-testid="transfer-intro">
        {t(p.purpose === 'deposit' ? 'money.transfer.introDeposit' : 'money.transfer.intro')}
      </Typography.Paragraph>
      <dl className="kv" data-testid="bank-transfer">
        <dt>{t('money.transfer.amount')}</dt>
        <dd>
          <strong className="money-reference money-amount" data-testid="transfer-amount">
            {formatFen(p.amount)}
          </strong>
        </dd>
        <dt>{t('money.transfer.reference')}</dt>
        <dd className="money-reference">
          <CopyText text={p.reference} strong testId="transfer-reference" />
        </dd>
        {bank && (
          <>
            <dt>{t('money.transfer.accountName')}</dt>
            <dd data-testid="bank-account-name">{bank.account_name}</dd>
            <dt>{t('money.transfer.bank')}</dt>
            <dd>{bank.bank_name}</dd>
            <dt>{t('money.transfer.account')}</dt>
            <dd>
              <CopyText text={bank.account} testId="bank-account" />
            </dd>
          </>
        )}
        <dt>{t('money.transfer.due')}</dt>
        <dd>{formatDate(lang, m.funding_due_at, true)}</dd>
      </dl>
      <Alert type="info" showIcon message={t('money.transfer.waiting')} description={t('money.transfer.waitingText', { ref: p.reference })} />
      {p.actions.attach_receipt.allowed && <ReceiptNote p={p} contractId={contractId} />}
    </div>
  );
}

/** The payer's note about its transfer (bank, time, amount) for finance to match it by. */
function ReceiptNote({ p, contractId }: { p: Payment; contractId: string }) {
  const t = useT();
  const message = useMessage();
  const attach = useAttachReceipt(contractId);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(p.receipt_note ?? '');
  const [error, setError] = useState<string | null>(null);
  if (!editing) {
    return (
      <div style={{ marginTop: 12 }}>
        {p.receipt_note && (
          <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="receipt-note">
            {t('money.receipt.saved', { note: p.receipt_note })}
          </Typography.Paragraph>
        )}
        <Button onClick={() => setEditing(true)} data-testid="receipt-edit">
          {p.receipt_note ? t('money.receipt.change') : t('money.receipt.add')}
        </Button>
      </div>
    );
  }
  const save = () =>
    attach.mutate(
      { paymentId: p.id, note: note.trim() },
      {
        onSuccess: () => {
          void message.success(t('money.receipt.done'));
          setEditing(false);
          setError(null);
        },
        onError: (e) => setError(errorText(e, t)),
      },
    );
  return (
    <div style={{ marginTop: 12 }}>
      <label htmlFor={`receipt-${p.id}`} className="money-due-title">
        {t('money.receipt.label')}
      </label>
      <Input.TextArea
        id={`receipt-${p.id}`}
        rows={3}
        maxLength={500}
        showCount
        value={note}
        status={error ? 'error' : undefined}
        placeholder={t('money.receipt.placeholder', { ref: p.reference })}
        onChange={(e) => setNote(e.target.value)}
        data-testid="receipt-input"
      />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" loading={attach.isPending} onClick={save} data-testid="receipt-save">
          {t('common.save')}
        </Button>
        <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
      </Space>
    </div>
  );
}

/** Staff, Stripe test mode: a signed event through the real webhook. */
function Simulate({ paymentId, contractId }: { paymentId: string; contractId: string }) {
  const t = useT();
  const message = useMessage();
  const sim = useSimulatePayment(contractId);
  const run = (outcome: 'succeeded' | 'failed') =>
    sim.mutate(
      { paymentId, outcome },
      {
        onSuccess: () => void message.success(t('money.simulate.sent')),
        onError: (e) => void message.error(errorText(e, t)),
      },
    );
  return (
    <div style={{ marginTop: 12 }} data-testid="simulate">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
        {t('money.simulate.help')}
      </Typography.Paragraph>
      <Space wrap>
        <Button onClick={() => run('succeeded')} loading={sim.isPending && sim.variables?.outcome === 'succeeded'} data-testid="simulate-ok">
          {t('money.simulate.ok')}
        </Button>
        <Button danger onClick={() => run('failed')} loading={sim.isPending && sim.variables?.outcome === 'failed'}>
          {t('money.simulate.fail')}
        </Button>
      </Space>
    </div>
  );
}
