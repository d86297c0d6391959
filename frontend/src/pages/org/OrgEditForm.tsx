import { useState } from 'react';
import { Button, Form, Space } from 'antd';
import { useMessage } from '../../components/feedback';
import { useT } from '../../i18n';
import { useUpdateOrg } from '../../api/orgs';
import type { Org } from '../../api/types';
import { applyFormError } from '../../lib/errors';
import { orgPatch, orgToForm, type OrgFormValues } from '../../components/org/orgForm';
import { CompanyFields, WorkshopFields } from '../../components/org/OrgFields';
import FormAlert from '../../components/FormAlert';

export default function OrgEditForm({ org, onDone }: { org: Org; onDone: () => void }) {
  const t = useT();
  const message = useMessage();
  const [form] = Form.useForm<OrgFormValues>();
  const update = useUpdateOrg(org.id);
  const [error, setError] = useState<string | null>(null);

  const onFinish = (values: OrgFormValues) => {
    setError(null);
    const patch = orgPatch(org, values);
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate(patch, {
      onSuccess: () => {
        message.success(t('common.saved'));
        onDone();
      },
      onError: (err) => setError(applyFormError(form, err, t)),
    });
  };

  return (
    <Form form={form} layout="vertical" name="org-edit" initialValues={orgToForm(org)} onFinish={onFinish} scrollToFirstError>
      <FormAlert message={error} />
      {org.kind === 'company' ? <CompanyFields prefix={[]} editing /> : <WorkshopFields prefix={[]} editing />}
      <Space>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
