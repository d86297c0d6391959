import type { ReactNode } from 'react';
import { Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { tDynamic, useT, type MessageKey } from '../../../i18n';
import type { Disbursement, DisbursementStatus, Payment, PaymentStatus } from '../../../api/money';
import { formatFen } from '../../../lib/money';
import './money.css';

const PAYMENT_TAG: Record<PaymentStatus, { color: string; icon: ReactNode }> = {
  pending: { color: 'processing', icon: <ClockCircleOutlined /> },
  succeeded: { color: 'success', icon: <CheckCircleOutlined /> },
  short: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  over: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  failed: { color: 'error', icon: <CloseCircleOutlined /> },
  cancelled: { color: 'default', icon: <CloseCircleOutlined /> },
};

const DISBURSEMENT_TAG: Record<DisbursementStatus, { color: string; icon: ReactNode }> = {
  queued: { color: 'processing', icon: <ClockCircleOutlined /> },
  sending: { color: 'processing', icon: <SyncOutlined spin /> },
  sent: { color: 'success', icon: <CheckCircleOutlined /> },
  failed: { color: 'error', icon: <CloseCircleOutlined /> },
  reversed: { color: 'warning', icon: <ExclamationCircleOutlined /> },
};

/** A payment's status; a pending bank transfer says who it waits for. */
export function PaymentStatusTag({ p }: { p: Pick<Payment, 'status' | 'provider'> }) {
  const t = useT();
  const s = PAYMENT_TAG[p.status];
  const key: MessageKey = p.status === 'pending' ? (p.provider === 'manual' ? 'money.pay.pendingManual' : 'money.pay.pendingCard') : `money.pay.${p.status}`;
  return (
    <Tag color={s.color} icon={s.icon} data-testid="payment-status" style={{ marginInlineEnd: 0 }}>
      {t(key)}
    </Tag>
  );
}

export function DisbursementStatusTag({ d }: { d: Pick<Disbursement, 'status' | 'provider'> }) {
  const t = useT();
  const s = DISBURSEMENT_TAG[d.status];
  const key: MessageKey = d.status === 'queued' && d.provider === 'manual' ? 'money.out.queuedManual' : `money.out.${d.status}`;
  return (
    <Tag color={s.color} icon={s.icon} data-testid="disbursement-status" style={{ marginInlineEnd: 0 }}>
      {t(key)}
    </Tag>
  );
}

/** Why a disbursement is not a plain one: it pays again what the provider
 *  took back (reissue_of), or the provider took back (part of) it. */
export function DisbursementReason({ d }: { d: Pick<Disbursement, 'status' | 'amount_reversed' | 'reissue_of'> }) {
  const t = useT();
  const text = d.reissue_of
    ? t('money.out.reissue')
    : d.status === 'reversed' && d.amount_reversed > 0
      ? t('money.out.reversedPart', { amount: formatFen(d.amount_reversed) })
      : '';
  return text ? (
    <div className="money-item-meta" data-testid="disbursement-reason">
      {text}
    </div>
  ) : null;
}

export function useProviderText() {
  const t = useT();
  return (provider: string | undefined) => (provider === 'stripe' ? t('money.provider.stripe') : provider === 'manual' ? t('money.provider.manual') : (provider ?? ''));
}

/** The ledger's account names; an unknown one shows as it is. */
export function useAccountText() {
  const t = useT();
  return (account: string) => tDynamic(t, `money.acc.${account}`, account);
}

/** What was received against what was expected: "¥90.00 of ¥100.00 (¥10.00 short)". */
export function receivedText(p: Pick<Payment, 'amount' | 'amount_received'>, t: ReturnType<typeof useT>): string | null {
  if (p.amount_received == null || p.amount_received === p.amount) return null;
  const diff = p.amount_received - p.amount;
  return t(diff < 0 ? 'money.receivedShort' : 'money.receivedOver', {
    received: formatFen(p.amount_received),
    amount: formatFen(p.amount),
    diff: formatFen(Math.abs(diff)),
  });
}

/** A figure with its label, big enough to read at arm's length. */
export function Figure({ label, value, testId, tone }: { label: ReactNode; value: number; testId?: string; tone?: 'good' | 'warn' }) {
  return (
    <div className={`money-figure${tone ? ` money-figure-${tone}` : ''}`} data-testid={testId}>
      <div className="money-figure-label">{label}</div>
      <div className="money-figure-value">{formatFen(value)}</div>
    </div>
  );
}

/** Copyable text (a reference code, an account number), in a fixed-width font. */
export function CopyText({ text, testId, strong }: { text: string; testId?: string; strong?: boolean }) {
  return (
    <Typography.Text copyable={{ text }} strong={strong} className="mono break-all" data-testid={testId}>
      {text}
    </Typography.Text>
  );
}
