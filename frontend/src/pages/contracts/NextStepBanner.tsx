import { Link } from 'react-router';
import { Alert, Button, Space } from 'antd';
import type { ContractView } from '../../api/types';
import { useLang, useT, type MessageKey } from '../../i18n';
import { nextStepText } from './contractText';

/** The one accurate "what you must do now" at the top of the contract page:
 *  the server's next step for this caller, with the button that does it
 *  when it is theirs, and reminders that do not block it. */
export default function NextStepBanner({ c, onAct }: { c: ContractView; onAct: (action: string, ref?: string) => void }) {
  const t = useT();
  const lang = useLang();
  const n = c.next;
  const mine = n.who === 'you';
  const ended = n.step === 'cancelled' || n.step === 'lapsed' || n.step === 'done';
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Alert
        type={ended ? (n.step === 'done' ? 'success' : 'info') : mine ? 'warning' : 'info'}
        showIcon
        data-testid="next-step"
        data-step={n.step}
        data-who={n.who}
        message={mine ? t('contract.nextStep') : t('contract.waiting')}
        description={nextStepText(c, t, lang)}
        action={
          mine && n.action ? (
            <Button type="primary" onClick={() => onAct(n.action ?? '', n.ref ?? undefined)} data-testid="next-step-go">
              {t(`next.go.${n.action}` as MessageKey)}
            </Button>
          ) : undefined
        }
        className="next-step-banner"
      />
      {c.reminders.includes('payout_account') && (
        <Alert
          type="warning"
          showIcon
          data-testid="reminder-payout"
          message={t('next.reminder.payout_account')}
          action={
            <Link to="/org#payout">
              <Button size="small">{t('next.reminder.payout_account.go')}</Button>
            </Link>
          }
        />
      )}
    </Space>
  );
}
