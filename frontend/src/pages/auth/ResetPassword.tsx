import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { useT } from '../../i18n';
import { useConfirmPasswordReset } from '../../api/auth';
import { isApiError } from '../../api/client';
import { applyFormError } from '../../lib/errors';
import { newPasswordRules } from '../../lib/rules';
import FormAlert from '../../components/FormAlert';
import ConfirmPasswordItem from '../../components/ConfirmPasswordItem';

interface Values {
  password: string;
  confirm: string;
}

export default function ResetPassword() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const confirm = useConfirmPasswordReset();
  const [error, setError] = useState<string | null>(null);

  const onFinish = ({ password }: Values) => {
    setError(null);
    confirm.mutate(
      { token, password },
      {
        onSuccess: () => {
          message.success(t('reset.done'));
          navigate('/login', { replace: true });
        },
        // The token has no field in the form: its error shows as the alert.
        onError: (err) =>
          setError(isApiError(err) && err.fields.token ? err.fields.token : applyFormError(form, err, t)),
      },
    );
  };

  return (
    <div className="narrow">
      <Card>
        <Typography.Title level={1} className="page-title">
          {t('reset.title')}
        </Typography.Title>
        {!token ? (
          <Alert type="warning" showIcon message={t('reset.noToken')} />
        ) : (
          <>
            <FormAlert message={error} />
            <Form form={form} aria-label={t('reset.title')} layout="vertical" onFinish={onFinish} requiredMark={false} name="reset">
              <Form.Item label={t('field.newPassword')} name="password" rules={newPasswordRules(t, 'field.newPassword')} extra={t('hint.password')}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <ConfirmPasswordItem dependency="password" />
              <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
                {t('reset.submit')}
              </Button>
            </Form>
          </>
        )}
        <div className="form-footer" style={{ marginTop: 16 }}>
          <Link to="/forgot-password">{t('reset.requestAgain')}</Link>
        </div>
      </Card>
    </div>
  );
}
