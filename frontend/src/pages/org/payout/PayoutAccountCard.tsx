import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { BankOutlined, CheckCircleFilled, EditOutlined, LinkOutlined, LockOutlined } from '@ant-design/icons';
import type { Org } from '../../../api/types';
import { formatDate, useLang, useT } from '../../../i18n';
import { applyFormError, errorText } from '../../../lib/errors';
import { useMessage } from '../../../components/feedback';
import FormAlert from '../../../components/FormAlert';
import { LoadError } from '../../../components/PageState';
import { usePayoutAccount, useSetPayoutAccount, useStripeLink, type PayoutAccount, type PayoutAccountInput } from '../../../api/money';
import { CopyText } from '../../contracts/money/parts';
import '../../../i18n/lifecycle';

/** Where the organisation is paid: workshops receive their pay and deposit
 *  refunds here, companies their refunds. A bank account that finance staff
 *  pay by hand, or (when the platform runs Stripe) a Stripe Connect account.
 *  The number is masked for everyone but owners and finance staff. */
export default function PayoutAccountCard({ org, owner }: { org: Org; owner: boolean }) {
  const t = useT();
  const lang = useLang();
  const acc = usePayoutAccount(org.id);
  const [editing, setEditing] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const [params] = useSearchParams();
  // Stripe's onboarding sends the owner back to /org?tab=payout.
  const back = params.get('tab') === 'payout';
  useEffect(() => {
    if (back) ref.current?.scrollIntoView?.({ block: 'start' });
  }, [back]);

  const a = acc.data;
  const hasBank = !!a?.account_number;
  return (
    <div ref={ref} id="payout">
      <Card
        title={
          <span>
            <BankOutlined /> {t('money.payout.title')}
          </span>
        }
        data-testid="payout-card"
        extra={
          owner &&
          a &&
          !editing && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="payout-edit">
              {hasBank ? t('money.payout.change') : t('money.payout.set')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t(org.kind === 'workshop' ? 'money.payout.introWorkshop' : 'money.payout.introCompany')}
        </Typography.Paragraph>
        {acc.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : acc.isError ? (
          <LoadError error={acc.error} onRetry={() => void acc.refetch()} />
        ) : editing ? (
          <BankForm orgId={org.id} current={a!} onDone={() => setEditing(false)} />
        ) : (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {hasBank ? (
              <dl className="kv" data-testid="payout-bank">
                <dt>{t('money.payout.accountName')}</dt>
                <dd>{a!.account_name}</dd>
                <dt>{t('money.payout.bankName')}</dt>
                <dd>{a!.bank_name}</dd>
                <dt>{t('money.payout.accountNumber')}</dt>
                <dd data-testid="payout-number">
                  {a!.masked ? (
                    <span className="mono">
                      {a!.account_number} <LockOutlined title={t('money.payout.maskedTitle')} />
                    </span>
                  ) : (
                    <CopyText text={a!.account_number} />
                  )}
                </dd>
                {a!.updated_at && (
                  <>
                    <dt>{t('money.payout.updated')}</dt>
                    <dd>{formatDate(lang, a!.updated_at, true)}</dd>
                  </>
                )}
              </dl>
            ) : (
              !a!.stripe_account && <Alert type="warning" showIcon data-testid="payout-missing" message={t('money.payout.missing')} description={t(owner ? 'money.payout.missingOwner' : 'money.payout.missingMember')} />
            )}
            {a!.masked && <Typography.Text type="secondary">{t('money.payout.masked')}</Typography.Text>}
            {a!.platform_provider === 'stripe' && <StripeConnect orgId={org.id} a={a!} owner={owner} />}
            {!owner && <Typography.Text type="secondary">{t('money.payout.ownerOnly')}</Typography.Text>}
          </Space>
        )}
      </Card>
    </div>
  );
}

/** Bank-account digits: spaces and dashes as people type them are fine. */
const digitsOf = (s: string) => s.replace(/[\s-]/g, '');

function BankForm({ orgId, current, onDone }: { orgId: string; current: PayoutAccount; onDone: () => void }) {
  const t = useT();
  const message = useMessage();
  const [form] = Form.useForm<PayoutAccountInput>();
  const save = useSetPayoutAccount(orgId);
  const [formError, setFormError] = useState<string | null>(null);
  const length = (min: number, max: number, msg: string) => ({
    validator: async (_: unknown, v?: string) => {
      const n = [...(v ?? '').trim()].length;
      if (n < min || n > max) throw new Error(msg);
    },
  });
  const submit = (v: PayoutAccountInput) => {
    setFormError(null);
    save.mutate(
      { account_name: v.account_name.trim(), bank_name: v.bank_name.trim(), account_number: digitsOf(v.account_number) },
      {
        onSuccess: () => {
          void message.success(t('money.payout.saved'));
          onDone();
        },
        onError: (e) => setFormError(applyFormError(form, e, t)),
      },
    );
  };
  return (
    <Form<PayoutAccountInput>
      form={form}
      layout="vertical"
      aria-label={t('money.payout.formLabel')}
      requiredMark={false}
      initialValues={{
        account_name: current.account_name,
        bank_name: current.bank_name,
        account_number: current.masked ? '' : current.account_number,
      }}
      onFinish={submit}
      style={{ maxWidth: 520 }}
    >
      <FormAlert message={formError} />
      <Form.Item name="account_name" label={t('money.payout.accountName')} extra={t('money.payout.accountNameHelp')} rules={[length(2, 100, t('money.payout.err.accountName'))]}>
        <Input autoComplete="off" data-testid="payout-account-name" />
      </Form.Item>
      <Form.Item name="bank_name" label={t('money.payout.bankName')} extra={t('money.payout.bankNameHelp')} rules={[length(2, 100, t('money.payout.err.bankName'))]}>
        <Input autoComplete="off" data-testid="payout-bank-name" />
      </Form.Item>
      <Form.Item
        name="account_number"
        label={t('money.payout.accountNumber')}
        rules={[
          {
            validator: async (_: unknown, v?: string) => {
              if (!/^\d{8,30}$/.test(digitsOf(v ?? ''))) throw new Error(t('money.payout.err.accountNumber'));
            },
          },
        ]}
      >
        <Input inputMode="numeric" autoComplete="off" className="mono" data-testid="payout-account-number" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="payout-save">
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** Stripe Connect (when the platform runs Stripe): connect once, then finish
 *  the onboarding at Stripe; account.updated keeps payouts_enabled current. */
function StripeConnect({ orgId, a, owner }: { orgId: string; a: PayoutAccount; owner: boolean }) {
  const t = useT();
  const link = useStripeLink(orgId);
  const [error, setError] = useState<string | null>(null);
  const go = () =>
    link.mutate(undefined, {
      onSuccess: (r) => window.location.assign(r.url),
      onError: (e) => setError(errorText(e, t)),
    });
  return (
    <div data-testid="payout-stripe">
      {a.stripe_account ? (
        <Space wrap>
          <span>{t('money.payout.stripeAccount', { id: a.stripe_account })}</span>
          {a.payouts_enabled ? (
            <Tag color="success" icon={<CheckCircleFilled />}>
              {t('money.payout.stripeReady')}
            </Tag>
          ) : (
            <Tag color="warning">{t('money.payout.stripeNotReady')}</Tag>
          )}
        </Space>
      ) : (
        <Typography.Paragraph style={{ marginBottom: 8 }}>{t('money.payout.stripeIntro')}</Typography.Paragraph>
      )}
      {owner && !(a.stripe_account && a.payouts_enabled) && (
        <div style={{ marginTop: 8 }}>
          <Button icon={<LinkOutlined />} loading={link.isPending} onClick={go} data-testid="payout-stripe-link">
            {a.stripe_account ? t('money.payout.stripeContinue') : t('money.payout.stripeConnect')}
          </Button>
        </div>
      )}
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} message={error} />}
    </div>
  );
}
