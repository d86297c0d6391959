import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { useMessage } from '../../components/feedback';
import { useT } from '../../i18n';
import { useUpdateProfile } from '../../api/me';
import type { User } from '../../api/types';
import { applyFormError } from '../../lib/errors';
import { required } from '../../lib/rules';
import FormAlert from '../../components/FormAlert';

interface Values {
  name: string;
  phone: string;
}

export default function ProfileForm({ user }: { user: User }) {
  const t = useT();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const update = useUpdateProfile();
  const [error, setError] = useState<string | null>(null);

  const onFinish = (v: Values) => {
    setError(null);
    update.mutate(
      { name: v.name.trim(), phone: (v.phone ?? '').trim() },
      {
        onSuccess: () => message.success(t('common.saved')),
        onError: (err) => setError(applyFormError(form, err, t)),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" name="profile" initialValues={{ name: user.name, phone: user.phone }} onFinish={onFinish}>
      <FormAlert message={error} />
      <Form.Item label={t('field.name')} name="name" rules={[required(t, 'field.name')]}>
        <Input autoComplete="name" maxLength={50} />
      </Form.Item>
      <Form.Item label={t('field.phone')} name="phone" extra={t('hint.phone')}>
        <Input type="tel" autoComplete="tel" inputMode="tel" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
