import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { useMessage } from '../../components/feedback';
import { useT } from '../../i18n';
import { useChangePassword } from '../../api/me';
import { applyFormError } from '../../lib/errors';
import { newPasswordRules, required } from '../../lib/rules';
import FormAlert from '../../components/FormAlert';
import ConfirmPasswordItem from '../../components/ConfirmPasswordItem';

interface Values {
  current_password: string;
  new_password: string;
  confirm: string;
}

export default function PasswordForm() {
  const t = useT();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [error, setError] = useState<string | null>(null);

  const onFinish = (v: Values) => {
    setError(null);
    change.mutate(
      { current_password: v.current_password, new_password: v.new_password },
      {
        onSuccess: () => {
          form.resetFields();
          message.success(t('account.passwordChanged'));
        },
        onError: (err) => setError(applyFormError(form, err, t)),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" name="password" onFinish={onFinish}>
      <FormAlert message={error} />
      <Form.Item label={t('field.currentPassword')} name="current_password" rules={[required(t, 'field.currentPassword')]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label={t('field.newPassword')}
        name="new_password"
        rules={newPasswordRules(t, 'field.newPassword')}
        extra={t('hint.password')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <ConfirmPasswordItem dependency="new_password" />
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
