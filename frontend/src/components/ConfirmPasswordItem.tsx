import { Form, Input } from 'antd';
import { useT } from '../i18n';
import { required } from '../lib/rules';

/** "Type the new password again", checked against the field `dependency`. */
export default function ConfirmPasswordItem({ dependency }: { dependency: string }) {
  const t = useT();
  return (
    <Form.Item
      label={t('field.confirmPassword')}
      name="confirm"
      dependencies={[dependency]}
      rules={[
        required(t, 'field.confirmPassword'),
        ({ getFieldValue }) => ({
          validator: async (_, value?: string) => {
            if (value && value !== getFieldValue(dependency)) throw new Error(t('val.passwordMismatch'));
          },
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
