import { useState } from 'react';
import { Button, Empty, Form, Input, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { CommentView, TextInput } from '../../../api/fulfilment';
import { formatDate, useLang, useT } from '../../../i18n';
import PhotoUploader from '../../../components/uploads/PhotoUploader';
import PhotoViewer from '../../../components/uploads/PhotoViewer';
import { photoIds, photosRule, type PhotoFile } from '../../../components/uploads/photos';
import FormAlert from '../../../components/FormAlert';
import { applyApiErrors } from './forms';

interface Props {
  items: CommentView[];
  /** Who the organisations are, to label each author. */
  companyId: string;
  workshopId: string;
  myOrgId?: string | null;
  /** Absent: read-only. */
  post?: (input: TextInput) => Promise<unknown>;
  posting?: boolean;
  testId: string;
  placeholder?: string;
}

interface ComposeForm {
  body: string;
  photos?: PhotoFile[];
}

/** A thread of messages with photos, oldest first, and a box to write one. */
export default function Thread({ items, companyId, workshopId, myOrgId, post, posting, testId, placeholder }: Props) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<ComposeForm>();
  const [error, setError] = useState<string | null>(null);
  const who = (m: CommentView) => {
    if (m.org_id == null) return <Tag color="purple">{t('ful.by.staff')}</Tag>;
    if (m.org_id === companyId) return <Tag color="blue">{t('ful.by.company')}</Tag>;
    if (m.org_id === workshopId) return <Tag color="orange">{t('ful.by.workshop')}</Tag>;
    return null;
  };
  const send = async (v: ComposeForm) => {
    if (!post) return;
    setError(null);
    try {
      await post({ body: v.body.trim(), photo_ids: photoIds(v.photos) });
      form.resetFields();
    } catch (e) {
      setError(applyApiErrors(form, e, t));
    }
  };
  return (
    <div className="ful-thread" data-testid={testId}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ful.thread.empty')} />
      ) : (
        <ol className="ful-thread-list">
          {items.map((m) => (
            <li key={m.id} className={`ful-msg ${m.org_id != null && m.org_id === myOrgId ? 'mine' : ''}`} data-testid="thread-item">
              <div className="ful-msg-head">
                <strong>{m.author_name}</strong> {who(m)}
                <Typography.Text type="secondary" className="ful-msg-time">
                  {formatDate(lang, m.created_at, true)}
                </Typography.Text>
              </div>
              <div className="pre-wrap ful-msg-body">{m.body}</div>
              <PhotoViewer photos={m.photos} size={64} />
            </li>
          ))}
        </ol>
      )}
      {post && (
        <Form<ComposeForm> form={form} layout="vertical" onFinish={(v) => void send(v)} aria-label={t('ful.thread.write')} className="ful-compose">
          <FormAlert message={error} />
          <Form.Item name="body" label={t('ful.thread.write')} rules={[{ required: true, whitespace: true, message: t('ful.err.body') }]}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={placeholder ?? t('ful.thread.placeholder')} data-testid={`${testId}-body`} />
          </Form.Item>
          <Form.Item name="photos" rules={[photosRule(t('ful.photo.wait'))]}>
            <PhotoUploader testId={`${testId}-photos`} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={posting} data-testid={`${testId}-send`}>
            {t('ful.thread.send')}
          </Button>
        </Form>
      )}
    </div>
  );
}
