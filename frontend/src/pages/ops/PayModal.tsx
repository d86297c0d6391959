import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useT } from '../../i18n';
import { useMarkPaid } from '../../api/workshopOps';
import { applyFormError } from '../../lib/errors';
import { formatFen } from '../../lib/money';
import type { DistributionLine, PaidMethod } from '../../api/types';

/** Marks one resident paid: cash, WeChat or bank transfer, with a reference. Mounted per line. */
export default function PayModal({ line, onClose }: { line: DistributionLine; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ method: PaidMethod; reference: string }>();
  const pay = useMarkPaid();
  const [error, setError] = useState<string | null>(null);
  const method = Form.useWatch('method', form);
  return (
    <Modal
      open
      title={t('pay.title', { name: line.name, amount: formatFen(line.amount) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('pay.confirm')}
      confirmLoading={pay.isPending}
      okButtonProps={{ 'data-testid': 'pay-confirm' } as Record<string, string>}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: 'wechat', reference: '' }}
        onFinish={(v) =>
          line.id &&
          pay.mutate({ lineId: line.id, method: v.method, reference: v.reference ?? '' }, { onSuccess: onClose, onError: (e) => setError(applyFormError(form, e, t)) })
        }
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="method">
          <Radio.Group
            optionType="button"
            options={(['cash', 'wechat', 'bank'] as const).map((m) => ({ value: m, label: t(`pay.${m}` as const) }))}
          />
        </Form.Item>
        <Form.Item name="reference" label={t('pay.reference')} rules={method === 'cash' ? [] : [{ required: true, whitespace: true, message: t('pay.referenceRequired') }]}>
          <Input maxLength={500} data-testid="pay-reference" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
