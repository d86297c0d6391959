import { useState } from 'react';
import { Button, Form, Input, Modal } from 'antd';
import FormSelect from '../../components/FormSelect';
import { useMessage } from '../../components/feedback';
import { FlagOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useReportOrder } from '../../api/orders';
import { isApiError } from '../../api/client';
import { REPORT_REASONS, type ReportReason } from '../../api/types';
import { applyFormError } from '../../lib/errors';
import FormAlert from '../../components/FormAlert';
import { chosen } from '../../lib/rules';

/** "举报": any signed-in user outside the order's company. */
export default function ReportButton({ orderId }: { orderId: string }) {
  const t = useT();
  const message = useMessage();
  const report = useReportOrder(orderId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: ReportReason; detail: string }>();
  const [error, setError] = useState<string | null>(null);

  const onFinish = (v: { reason: ReportReason; detail?: string }) => {
    setError(null);
    report.mutate(
      { reason: v.reason, detail: (v.detail ?? '').trim() },
      {
        onSuccess: () => {
          setOpen(false);
          message.success(t('order.reported'));
        },
        onError: (err) => {
          if (isApiError(err, 'conflict')) setError(t('order.reportDup'));
          else setError(applyFormError(form, err, t));
        },
      },
    );
  };

  return (
    <>
      <Button icon={<FlagOutlined />} onClick={() => setOpen(true)}>
        {t('order.report')}
      </Button>
      <Modal
        open={open}
        title={t('order.reportTitle')}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        confirmLoading={report.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="report" onFinish={onFinish} preserve={false}>
          <FormAlert message={error} />
          <Form.Item label={t('order.reportReason')} name="reason" rules={[chosen(t, 'order.reportReason')]}>
            <FormSelect options={REPORT_REASONS.map((r) => ({ value: r, label: t(`report.${r}` as const) }))} />
          </Form.Item>
          <Form.Item label={t('order.reportDetail')} name="detail" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
