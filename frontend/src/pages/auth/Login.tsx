import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useT } from '../../i18n';
import { useLogin } from '../../api/auth';
import { isApiError } from '../../api/client';
import type { LoginRequest } from '../../api/types';
import { useMe } from '../../auth/useMe';
import { safeNext } from '../../auth/guards';
import { applyFormError } from '../../lib/errors';
import { homeFor } from '../../lib/home';
import { emailRules, required } from '../../lib/rules';
import FormAlert from '../../components/FormAlert';

export default function Login() {
  const t = useT();
  const [form] = Form.useForm<LoginRequest>();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);

  // Logged in (already, or just now once /me reloads): go where we were headed.
  if (me.data) return <Navigate to={safeNext(params.get('next'), homeFor(me.data))} replace />;

  const onFinish = (values: LoginRequest) => {
    setError(null);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onError: (err) =>
          setError(isApiError(err, 'unauthorized') ? t('login.failed') : applyFormError(form, err, t)),
      },
    );
  };

  return (
    <div className="narrow">
      <Card>
        <Typography.Title level={1} className="page-title">
          {t('login.title')}
        </Typography.Title>
        <FormAlert message={error} />
        <Form form={form} aria-label={t('login.title')} layout="vertical" onFinish={onFinish} requiredMark={false} name="login">
          <Form.Item label={t('field.email')} name="email" rules={emailRules(t)}>
            <Input type="email" autoComplete="username" inputMode="email" />
          </Form.Item>
          <Form.Item label={t('field.password')} name="password" rules={[required(t, 'field.password')]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form.Item>
        </Form>
        <div className="form-footer">
          <Link to="/forgot-password">{t('login.forgot')}</Link>
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
          </Typography.Paragraph>
        </div>
      </Card>
    </div>
  );
}
