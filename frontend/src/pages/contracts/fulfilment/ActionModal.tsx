import { useState, type ReactNode } from 'react';
import { Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import FormAlert from '../../../components/FormAlert';
import { useMessage } from '../../../components/feedback';
import { useT } from '../../../i18n';
import { applyApiErrors } from './forms';

interface Props<V> {
  title: string;
  okText: string;
  form: FormInstance<V>;
  /** Sends the request; resolves when done, rejects with the API error. */
  submit: (values: V) => Promise<unknown>;
  done: string;
  onClose: () => void;
  pending: boolean;
  initialValues?: Partial<V>;
  danger?: boolean;
  testId: string;
  children: ReactNode;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
}

/** A fulfilment step as a dialog: validates on the client, sends, puts the
 *  API's field errors next to the fields and the rest above the form. */
export default function ActionModal<V extends object>(p: Props<V>) {
  const t = useT();
  const message = useMessage();
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (values: V) => {
    setError(null);
    try {
      await p.submit(values);
      void message.success(p.done);
      p.onClose();
    } catch (e) {
      setError(applyApiErrors(p.form, e, t));
    }
  };
  return (
    <Modal
      open
      title={p.title}
      okText={p.okText}
      cancelText={t('common.cancel')}
      confirmLoading={p.pending}
      onCancel={p.onClose}
      onOk={() => p.form.submit()}
      okButtonProps={{ danger: p.danger, 'data-testid': 'ful-submit' } as ButtonProps}
      destroyOnHidden
      maskClosable={false}
    >
      <FormAlert message={error} />
      <Form<V>
        form={p.form}
        layout="vertical"
        requiredMark="optional"
        initialValues={p.initialValues}
        onFinish={(v) => void onFinish(v)}
        onValuesChange={p.onValuesChange}
        aria-label={p.title}
        data-testid={p.testId}
        scrollToFirstError
      >
        {p.children}
      </Form>
    </Modal>
  );
}
