import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { Button, Card, Form, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { useT } from '../../i18n';
import { useRegister } from '../../api/auth';
import type { OrgKind } from '../../api/types';
import { useMe } from '../../auth/useMe';
import { applyFormError } from '../../lib/errors';
import { homeFor } from '../../lib/home';
import { toOrgInput, type OrgFormValues } from '../../components/org/orgForm';
import { CompanyFields, WorkshopFields } from '../../components/org/OrgFields';
import FormAlert from '../../components/FormAlert';
import AccountFields from './AccountFields';
import KindChoice from './KindChoice';

export interface RegisterValues {
  name: string;
  email: string;
  password: string;
  phone: string;
  org: OrgFormValues;
}

export default function Register() {
  const t = useT();
  const message = useMessage();
  const [form] = Form.useForm<RegisterValues>();
  const kind: OrgKind = Form.useWatch(['org', 'kind'], form) ?? 'company';
  const me = useMe();
  const register = useRegister();
  const [error, setError] = useState<string | null>(null);

  // A new organisation lands on its own page (verification status); a signed-in visitor on its work.
  if (me.data) return <Navigate to={register.isSuccess ? '/org' : homeFor(me.data)} replace />;

  const onFinish = (v: RegisterValues) => {
    setError(null);
    register.mutate(
      { email: v.email.trim(), password: v.password, name: v.name.trim(), phone: (v.phone ?? '').trim(), org: toOrgInput(v.org) },
      {
        onSuccess: () => message.success(t('register.success')),
        onError: (err) => setError(applyFormError(form, err, t)),
      },
    );
  };

  return (
    <div className="wide-form">
      <Typography.Title level={1} className="page-title">
        {t('register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
      <Form
        form={form}
        aria-label={t('register.title')}
        layout="vertical"
        name="register"
        onFinish={onFinish}
        initialValues={{ org: { kind: 'company' } }}
        scrollToFirstError={{ block: 'center' }}
        onFinishFailed={() => setError(null)}
      >
        <Form.Item label={t('register.chooseKind')} name={['org', 'kind']}>
          <KindChoice />
        </Form.Item>
        <FormAlert message={error} />
        <Card title={t('register.sectionAccount')} style={{ marginBottom: 16 }}>
          <AccountFields />
        </Card>
        <Card title={t('register.sectionOrg')} style={{ marginBottom: 16 }}>
          {kind === 'company' ? <CompanyFields prefix={['org']} /> : <WorkshopFields prefix={['org']} />}
        </Card>
        <Button type="primary" htmlType="submit" size="large" block loading={register.isPending}>
          {t('register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph className="form-footer" style={{ marginTop: 16 }}>
        {t('register.haveAccount')} <Link to="/login">{t('register.loginLink')}</Link>
      </Typography.Paragraph>
    </div>
  );
}
