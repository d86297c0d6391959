import { useEffect, useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Switch, Typography } from 'antd';
import { useT } from '../../i18n';
import CraftSelect from '../../components/CraftSelect';
import { fetchResident, useSaveResident } from '../../api/workshopOps';
import { applyFormError } from '../../lib/errors';
import { RESIDENT_TAGS, type ResidentTag, type ResidentView } from '../../api/types';

interface Values {
  name: string;
  phone: string;
  crafts: string[];
  joined_on: string;
  active: boolean;
  tags: ResidentTag[];
  tags_consent: boolean;
}

/** Add or edit one resident; mounted fresh (with a key) each time it opens. */
export default function ResidentForm({ workshopId, resident, onClose }: { workshopId: string; resident: ResidentView | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const save = useSaveResident(workshopId);
  const [error, setError] = useState<string | null>(null);
  const had = resident?.tags.map((x) => x.tag) ?? [];
  const tags = Form.useWatch('tags', form) ?? [];
  const needsConsent = tags.some((x) => !had.includes(x));
  const initial: Partial<Values> = resident
    ? { ...resident, tags: had, tags_consent: false }
    : { active: true, crafts: [], tags: [], joined_on: new Date().toISOString().slice(0, 10) };

  // Lists mask phones: load the resident once for the full number.
  useEffect(() => {
    if (resident) void fetchResident(resident.id).then((r) => form.setFieldValue('phone', r.phone)).catch(() => undefined);
  }, [resident, form]);

  const submit = (v: Values) => {
    setError(null);
    save.mutate(
      { id: resident?.id, input: { ...v, tags_consent: !!v.tags_consent } },
      { onSuccess: onClose, onError: (e) => setError(applyFormError(form, e, t)) },
    );
  };

  return (
    <Modal
      open
      title={resident ? t('roster.editTitle') : t('roster.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'resident-save' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={initial}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="name" label={t('roster.name')} rules={[{ required: true, whitespace: true, message: t('roster.nameRequired') }]}>
          <Input maxLength={50} autoComplete="off" data-testid="resident-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('roster.phone')} extra={t('roster.phoneHelp')}>
          <Input inputMode="tel" autoComplete="off" data-testid="resident-phone" />
        </Form.Item>
        <Form.Item name="crafts" label={t('roster.crafts')}>
          <CraftSelect />
        </Form.Item>
        <Form.Item name="joined_on" label={t('roster.joined')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="active" label={t('roster.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="tags" label={t('roster.tags')} extra={t('roster.tagsHelp')}>
          <Checkbox.Group options={RESIDENT_TAGS.map((x) => ({ value: x, label: t(`tag.${x}` as const) }))} />
        </Form.Item>
        {needsConsent && (
          <Form.Item
            name="tags_consent"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('roster.consentRequired')))) }]}
          >
            <Checkbox data-testid="resident-consent">
              <Typography.Text strong>{t('roster.consent')}</Typography.Text>
            </Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
