import { useState } from 'react';
import { Alert, Button, Card, Input, Modal, Space, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import type { ContractView } from '../../../api/types';
import { useT } from '../../../i18n';
import { formatFen } from '../../../lib/money';
import { errorText } from '../../../lib/errors';
import { isApiError } from '../../../api/client';
import { useMessage } from '../../../components/feedback';
import { useCancelContract, type ContractPayments } from '../../../api/money';

type Mode = 'ask' | 'agree' | 'decide';

/** Cancelling before production: one party asks, the other agrees, or
 *  moderators decide — each button shown when the server allows it. The
 *  confirmation says what money goes back to whom. */
export default function CancelContract({ c, m }: { c: ContractView; m: ContractPayments }) {
  const t = useT();
  const [mode, setMode] = useState<Mode | null>(null);
  const x = c.actions;
  const requested = c.cancel_requested_by;
  const byName = requested === c.company.id ? c.company.name : c.workshop.name;
  // My own request waits for the other party: neither asking nor agreeing is open to me.
  const byMe = !!requested && !x.agree_cancel.allowed && (c.role === 'company' || c.role === 'workshop');
  if (!x.request_cancel.allowed && !x.agree_cancel.allowed && !x.decide_cancel.allowed && !requested) return null;

  const actions = (
    <Space wrap>
      {x.request_cancel.allowed && (
        <Button danger icon={<StopOutlined />} onClick={() => setMode('ask')} data-testid="cancel-ask">
          {t('money.cancel.ask')}
        </Button>
      )}
      {x.agree_cancel.allowed && (
        <Button danger type="primary" onClick={() => setMode('agree')} data-testid="cancel-agree">
          {t('money.cancel.agree')}
        </Button>
      )}
      {x.decide_cancel.allowed && (
        <Button danger onClick={() => setMode('decide')} data-testid="cancel-decide">
          {t('money.cancel.decide')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      {requested ? (
        <Alert
          type="warning"
          showIcon
          data-testid="cancel-request"
          message={byMe ? t('money.cancel.waitingOther') : t('money.cancel.requestedBy', { who: byName })}
          description={
            <>
              {c.cancel_reason && <div className="pre-wrap">{t('money.cancel.reason', { reason: c.cancel_reason })}</div>}
              <div style={{ marginTop: 8 }}>{actions}</div>
            </>
          }
        />
      ) : (
        <Card size="small" title={t('money.cancel.title')} data-testid="cancel-card">
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('money.cancel.intro')}
          </Typography.Paragraph>
          {actions}
        </Card>
      )}
      {mode && <CancelModal c={c} m={m} mode={mode} onClose={() => setMode(null)} />}
    </>
  );
}

function CancelModal({ c, m, mode, onClose }: { c: ContractView; m: ContractPayments; mode: Mode; onClose: () => void }) {
  const t = useT();
  const message = useMessage();
  const cancel = useCancelContract(c.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pending = m.payments.filter((p) => p.id === m.owed.open_escrow || p.id === m.owed.open_deposit);
  const title = t(`money.cancel.${mode}` as const);
  const submit = () => {
    if (reason.trim().length < 2) {
      setError(t('money.cancel.reasonRequired'));
      return;
    }
    cancel.mutate(reason.trim(), {
      onSuccess: () => {
        void message.success(t(mode === 'ask' ? 'money.cancel.asked' : 'money.cancel.done'));
        onClose();
      },
      onError: (e) => setError(isApiError(e) && e.fields.reason ? e.fields.reason : errorText(e, t)),
    });
  };
  return (
    <Modal
      open
      title={title}
      okText={title}
      okButtonProps={{ danger: true, 'data-testid': 'cancel-ok' }}
      cancelText={t('common.back')}
      confirmLoading={cancel.isPending}
      onCancel={onClose}
      onOk={submit}
    >
      <Typography.Paragraph strong>{t(mode === 'ask' ? 'money.cancel.askEffect' : 'money.cancel.nowEffect')}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('money.cancel.moneyBack')}</Typography.Paragraph>
      <ul data-testid="cancel-money">
        {m.held.escrow > 0 && <li>{t('money.cancel.escrowBack', { amount: formatFen(m.held.escrow), who: c.company.name })}</li>}
        {m.held.deposit > 0 && <li>{t('money.cancel.depositBack', { amount: formatFen(m.held.deposit), who: c.workshop.name })}</li>}
        {m.held.escrow === 0 && m.held.deposit === 0 && <li>{t('money.cancel.nothingHeld')}</li>}
        {pending.map((p) => (
          <li key={p.id}>{t('money.cancel.pendingVoid', { ref: p.reference, amount: formatFen(p.amount) })}</li>
        ))}
        {m.held.refunds_payable > 0 && <li>{t('money.cancel.refundsQueued', { amount: formatFen(m.held.refunds_payable) })}</li>}
        <li>{t(m.provider === 'stripe' ? 'money.cancel.howStripe' : 'money.cancel.howBank')}</li>
        <li>{t('money.cancel.quantityBack', { n: c.quantity.toLocaleString() })}</li>
        {c.path_step >= c.path.indexOf('materials_sent') && <li>{t('money.cancel.materials')}</li>}
      </ul>
      <label htmlFor="cancel-reason" className="money-due-title">
        {t('money.cancel.reasonLabel')}
      </label>
      <Input.TextArea
        id="cancel-reason"
        rows={3}
        maxLength={500}
        value={reason}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setError(null);
        }}
        data-testid="cancel-reason"
      />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}
