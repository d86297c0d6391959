import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLang, useT } from '../../../i18n';
import { contractsKey } from '../../../api/keys';
import { usePayment, type Payment } from '../../../api/money';
import { formatFen } from '../../../lib/money';
import { msgText } from '../../../lib/msg';

// Stripe's Payment Element, from Stripe.js (loaded only when the platform
// runs Stripe with a publishable key; the server's CSP allows js.stripe.com
// only then). Only the few calls used here are typed.
interface StripeElement {
  mount(el: HTMLElement): void;
  destroy(): void;
}
interface StripeElements {
  create(type: 'payment'): StripeElement;
}
interface StripeJs {
  elements(opts: { clientSecret: string; locale?: string }): StripeElements;
  confirmPayment(opts: { elements: StripeElements; redirect: 'if_required'; confirmParams: { return_url: string } }): Promise<{ error?: { message?: string } }>;
}
declare global {
  interface Window {
    Stripe?: (key: string) => StripeJs;
  }
}

let loading: Promise<void> | null = null;
function loadStripe(key: string): Promise<StripeJs> {
  if (!window.Stripe) {
    loading ??= new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = 'https://js.stripe.com/v3/';
      s.async = true;
      s.onload = () => resolve();
      s.onerror = () => {
        loading = null;
        s.remove();
        reject(new Error('Stripe.js'));
      };
      document.head.appendChild(s);
    });
  }
  return (loading ?? Promise.resolve()).then(() => {
    if (!window.Stripe) throw new Error('Stripe.js');
    return window.Stripe(key);
  });
}

/** The payer's card form for a pending Stripe payment. The PaymentIntent is
 *  created by a server job: wait for its client secret, then mount the
 *  Payment Element. The money state follows Stripe's webhook, not this page. */
export default function CardPayment({ payment, publishableKey }: { payment: Payment; publishableKey?: string }) {
  const t = useT();
  const lang = useLang();
  const secretKnown = !!payment.client_secret;
  const fresh = usePayment(payment.id, !secretKnown);
  const p = fresh.data ?? payment;
  const secret = p.client_secret ?? payment.client_secret;
  if (p.status === 'failed') {
    return <Alert type="error" showIcon style={{ marginTop: 8 }} message={t('money.card.failed', { reason: msgText(p.failure_reason, lang) })} />;
  }
  if (!publishableKey) {
    return (
      <Alert type="info" showIcon style={{ marginTop: 8 }} data-testid="card-no-key" message={t('money.card.noKey')} description={t('money.card.noKeyText')} />
    );
  }
  if (!secret) {
    return (
      <div style={{ marginTop: 8 }} data-testid="card-preparing">
        <Spin size="small" /> <Typography.Text type="secondary">{t('money.card.preparing')}</Typography.Text>
      </div>
    );
  }
  return <PaymentElement secret={secret} publishableKey={publishableKey} amount={p.amount} />;
}

function PaymentElement({ secret, publishableKey, amount }: { secret: string; publishableKey: string; amount: number }) {
  const t = useT();
  const lang = useLang();
  const qc = useQueryClient();
  const box = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<{ js: StripeJs; elements: StripeElements } | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [paying, setPaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);

  useEffect(() => {
    let element: StripeElement | undefined;
    let gone = false;
    loadStripe(publishableKey).then(
      (js) => {
        if (gone || !box.current) return;
        const elements = js.elements({ clientSecret: secret, locale: lang === 'zh' ? 'zh' : 'en' });
        element = elements.create('payment');
        element.mount(box.current);
        setStripe({ js, elements });
      },
      () => !gone && setLoadError(true),
    );
    return () => {
      gone = true;
      element?.destroy();
    };
  }, [publishableKey, secret, lang, attempt]);

  const pay = async () => {
    if (!stripe) return;
    setPaying(true);
    setError(null);
    const r = await stripe.js.confirmPayment({ elements: stripe.elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } });
    setPaying(false);
    if (r.error) {
      setError(r.error.message ?? t('money.card.declined'));
      return;
    }
    setSubmitted(true);
    void qc.invalidateQueries({ queryKey: contractsKey });
  };

  if (loadError) {
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginTop: 8 }}
        message={t('money.card.loadFailed')}
        action={
          <Button
            size="small"
            onClick={() => {
              setLoadError(false);
              setAttempt((n) => n + 1);
            }}
          >
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (submitted) return <Alert type="success" showIcon style={{ marginTop: 8 }} message={t('money.card.submitted')} />;
  return (
    <div style={{ marginTop: 12 }} data-testid="card-form">
      <div ref={box} style={{ minHeight: 80 }}>
        {!stripe && <Spin size="small" />}
      </div>
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} message={error} role="alert" />}
      <Button type="primary" size="large" style={{ marginTop: 12 }} disabled={!stripe} loading={paying} onClick={() => void pay()}>
        {t('money.card.pay', { amount: formatFen(amount) })}
      </Button>
    </div>
  );
}
