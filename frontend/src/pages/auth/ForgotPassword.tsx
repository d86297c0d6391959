import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useT } from '../../i18n';
import { useRequestPasswordReset } from '../../api/auth';
import { applyFormError } from '../../lib/errors';
import { emailRules } from '../../lib/rules';
import FormAlert from '../../components/FormAlert';

export default function ForgotPassword() {
  const t = useT();
  const [form] = Form.useForm<{ email: string }>();
  const reset = useRequestPasswordReset();
  const [error, setError] = useState<string | null>(null);

  const onFinish = ({ email }: { email: string }) => {
    setError(null);
    reset.mutate(email.trim(), { onError: (err) => setError(applyFormError(form, err, t)) });
  };

  return (
    <div className="narrow">
      <Card>
        <Typography.Title level={1} className="page-title">
          {t('forgot.title')}
        </Typography.Title>
        {reset.isSuccess ? (
          <Alert type="success" showIcon message={t('forgot.sent')} role="status" />
        ) : (
          <>
            <Typography.Paragraph>{t('forgot.intro')}</Typography.Paragraph>
            <FormAlert message={error} />
            <Form form={form} aria-label={t('forgot.title')} layout="vertical" onFinish={onFinish} requiredMark={false} name="forgot">
              <Form.Item label={t('field.email')} name="email" rules={emailRules(t)}>
                <Input type="email" autoComplete="email" inputMode="email" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={reset.isPending}>
                {t('forgot.submit')}
              </Button>
            </Form>
          </>
        )}
        <div className="form-footer" style={{ marginTop: 16 }}>
          <Link to="/login">{t('nav.login')}</Link>
        </div>
      </Card>
    </div>
  );
}
