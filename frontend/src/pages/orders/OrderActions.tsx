import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { CloseCircleOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useOrdersT } from '../../i18n/orders';
import { useOrderTransition } from '../../api/orders';
import type { OrderView } from '../../api/types';
import { errorText } from '../../lib/errors';

/** The owning company's buttons: those the server allows now (order.actions). */
export default function OrderActions({ order }: { order: OrderView }) {
  const t = useOrdersT();
  const navigate = useNavigate();
  const message = useMessage();
  const transition = useOrderTransition();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const can = order.actions;
  if (!can.submit.allowed && !can.edit.allowed && !can.cancel.allowed) return null;

  const submit = () =>
    transition.mutate(
      { id: order.id, action: 'submit' },
      { onSuccess: () => message.success(t('form.submitted')), onError: (e) => message.error(errorText(e, t)) },
    );
  const cancel = () =>
    transition.mutate(
      { id: order.id, action: 'cancel', reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          setCancelling(false);
          message.success(t('order.cancelled'));
        },
        onError: (e) => setError(errorText(e, t)),
      },
    );

  return (
    <>
      <Space wrap className="order-actions">
        {can.submit.allowed && (
          <Button type="primary" icon={<SendOutlined />} onClick={submit} loading={transition.isPending && !cancelling}>
            {t('order.submit')}
          </Button>
        )}
        {can.edit.allowed && (
          <Button icon={<EditOutlined />} onClick={() => navigate(`/orders/${order.id}/edit`)}>
            {t('order.edit')}
          </Button>
        )}
        {can.cancel.allowed && (
          <Button
            danger
            icon={<CloseCircleOutlined />}
            onClick={() => {
              setReason('');
              setError(null);
              setCancelling(true);
            }}
          >
            {t('order.cancel')}
          </Button>
        )}
      </Space>
      <Modal
        open={cancelling}
        title={t('order.cancel')}
        okText={t('order.cancel')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.back')}
        onOk={cancel}
        confirmLoading={transition.isPending}
        onCancel={() => setCancelling(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('order.cancelConfirm')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('order.cancelReason')} htmlFor="cancel-reason" validateStatus={error ? 'error' : undefined} help={error}>
            <Input.TextArea id="cancel-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
