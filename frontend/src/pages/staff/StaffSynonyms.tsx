import { useState } from 'react';
import { Alert, Button, Card, Collapse, Empty, Form, Input, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import FormSelect from '../../components/FormSelect';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { useDeleteSynonyms, useSaveSynonyms, useSynonyms, type SynonymInput } from '../../api/synonyms';
import type { SynonymGroup } from '../../api/types';
import { applyFormError, errorText } from '../../lib/errors';
import { LoadError } from '../../components/PageState';
import { useMessage } from '../../components/feedback';

const SEPARATORS = [',', '，', '、', '/', ' '];

/** Staff: the craft synonyms both search engines use; staff add, edit and delete groups without a release. */
export default function StaffSynonyms() {
  const t = useT();
  const list = useSynonyms();
  const [editing, setEditing] = useState<SynonymGroup | null>(null);
  const staff = list.data?.staff ?? [];
  const builtin = list.data?.builtin ?? [];
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('synonyms.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('synonyms.intro')}</Typography.Paragraph>
      <Card size="small" title={t('synonyms.add')} style={{ marginBottom: 16 }}>
        <GroupForm submitLabel={t('synonyms.add')} done={t('synonyms.added')} />
      </Card>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Typography.Title level={4}>{t('synonyms.staff', { n: staff.length })}</Typography.Title>
          <List<SynonymGroup>
            loading={list.isPending}
            dataSource={staff}
            split={false}
            locale={{ emptyText: <Empty description={t('synonyms.none')} /> }}
            renderItem={(g) => (
              <List.Item className="order-list-item">
                <GroupCard group={g} onEdit={() => setEditing(g)} />
              </List.Item>
            )}
          />
          <Collapse
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'builtin',
                label: t('synonyms.builtin', { n: builtin.length }),
                children: (
                  <>
                    <Typography.Paragraph type="secondary">{t('synonyms.builtinHelp')}</Typography.Paragraph>
                    {builtin.map((g) => (
                      <GroupCard key={g.terms.join('/')} group={g} />
                    ))}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
      <Modal open={!!editing} title={t('synonyms.edit')} footer={null} onCancel={() => setEditing(null)} destroyOnHidden>
        {editing && <GroupForm group={editing} submitLabel={t('common.save')} done={t('synonyms.saved')} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}

/** One group: its terms as tags, the source or reason, and (staff's) edit and delete. */
function GroupCard({ group: g, onEdit }: { group: SynonymGroup; onEdit?: () => void }) {
  const t = useT();
  const lang = useLang();
  const message = useMessage();
  const del = useDeleteSynonyms();
  return (
    <Card size="small" className="order-card synonym-card" data-testid={g.builtin ? 'builtin-synonyms' : 'staff-synonyms'} style={{ width: '100%', marginBottom: 8 }}>
      <div className="order-card-head">
        <Space size={[4, 4]} wrap>
          {g.terms.map((term) => (
            <Tag key={term} color={g.builtin ? 'default' : 'blue'}>
              {term}
            </Tag>
          ))}
        </Space>
        {g.id && onEdit && (
          <Space size={4}>
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('synonyms.edit')} />
            <Popconfirm
              title={t('synonyms.confirmDelete', { terms: g.terms.join('/') })}
              okText={t('synonyms.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                del.mutate(g.id!, { onSuccess: () => void message.success(t('synonyms.deleted')), onError: (e) => void message.error(errorText(e, t)) })
              }
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('synonyms.delete')} loading={del.isPending} />
            </Popconfirm>
          </Space>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }} className="break-all">
        {g.note}
        {g.updated_at && ` · ${t('synonyms.updated', { date: formatDate(lang, g.updated_at) })}`}
      </Typography.Paragraph>
    </Card>
  );
}

/** Add a group, or edit one (group given). */
function GroupForm({ group, submitLabel, done, onDone }: { group?: SynonymGroup; submitLabel: string; done: string; onDone?: () => void }) {
  const t = useT();
  const message = useMessage();
  const [form] = Form.useForm<SynonymInput>();
  const save = useSaveSynonyms();
  const [error, setError] = useState<string | null>(null);
  const submit = (v: SynonymInput) => {
    setError(null);
    save.mutate(
      { id: group?.id, terms: v.terms.map((s) => s.trim()).filter(Boolean), note: v.note },
      {
        onSuccess: () => {
          void message.success(done);
          if (!group) form.resetFields();
          onDone?.();
        },
        onError: (e) => setError(applyFormError(form, e, t)),
      },
    );
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ terms: group?.terms ?? [], note: group?.note ?? '' }} requiredMark={false}>
      <Form.Item name="terms" label={t('synonyms.terms')} extra={t('synonyms.termsHelp')} rules={[{ required: true, type: 'array', min: 2, message: t('synonyms.termsHelp') }]}>
        <FormSelect mode="tags" open={false} tokenSeparators={SEPARATORS} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="note" label={t('synonyms.note')} rules={[{ required: true, whitespace: true, max: 500, message: t('synonyms.note') }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('synonyms.notePlaceholder')} />
      </Form.Item>
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={error} />}
      <Button type="primary" htmlType="submit" icon={group ? undefined : <PlusOutlined />} loading={save.isPending}>
        {submitLabel}
      </Button>
    </Form>
  );
}
