import { useState } from 'react';
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { CheckOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { useT, type MessageKey } from '../../i18n';
import { useSetGuarantee, useVerifyOrg } from '../../api/orgs';
import type { Org } from '../../api/types';
import { errorText } from '../../lib/errors';
import type { DocumentKind } from '../../api/documents';
import DocumentsPreview from '../../components/org/DocumentsPreview';

type Action = 'verify' | 'unverify' | 'guaranteeOn' | 'guaranteeOff';

const confirmText: Record<Action, MessageKey> = {
  verify: 'staff.orgs.confirmVerify',
  unverify: 'staff.orgs.confirmUnverify',
  guaranteeOn: 'staff.orgs.confirmGuaranteeOn',
  guaranteeOff: 'staff.orgs.confirmGuaranteeOff',
};
const buttonText: Record<Action, MessageKey> = {
  verify: 'staff.orgs.verify',
  unverify: 'staff.orgs.unverify',
  guaranteeOn: 'staff.orgs.guaranteeOn',
  guaranteeOff: 'staff.orgs.guaranteeOff',
};

/** What each decision is checked against: the licence (and a workshop's
 *  community letter) for verification, the letter for the guarantee. */
const documentsFor: Record<Action, DocumentKind[]> = {
  verify: ['business_licence', 'guarantee_letter'],
  unverify: ['business_licence', 'guarantee_letter'],
  guaranteeOn: ['guarantee_letter'],
  guaranteeOff: ['guarantee_letter'],
};

/** Verify / unverify and community-guarantee toggles, each confirmed with a
 *  note, beside the documents the decision rests on. */
export default function OrgActions({ org, block = false }: { org: Org; block?: boolean }) {
  const t = useT();
  const message = useMessage();
  const verify = useVerifyOrg();
  const guarantee = useSetGuarantee();
  const [action, setAction] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pending = verify.isPending || guarantee.isPending;

  const open = (a: Action) => {
    setAction(a);
    setNote('');
    setError(null);
  };
  const done = {
    onSuccess: (o: Org) => {
      message.success(t('staff.orgs.done', { name: o.name }));
      setAction(null);
    },
    onError: (err: unknown) => setError(errorText(err, t)),
  };
  const submit = () => {
    if (action === 'verify' || action === 'unverify') {
      verify.mutate({ id: org.id, verified: action === 'verify', note: note.trim() }, done);
    } else if (action) {
      guarantee.mutate({ id: org.id, value: action === 'guaranteeOn', note: note.trim() }, done);
    }
  };

  const actions: Action[] = [org.verified ? 'unverify' : 'verify'];
  if (org.kind === 'workshop') actions.push(org.community_guarantee ? 'guaranteeOff' : 'guaranteeOn');
  const icon = (a: Action) =>
    a === 'verify' ? <CheckOutlined /> : a === 'unverify' ? <StopOutlined /> : <SafetyCertificateOutlined />;

  return (
    <>
      <Space wrap direction={block ? 'vertical' : 'horizontal'} style={block ? { width: '100%' } : undefined}>
        {actions.map((a) => (
          <Button
            key={a}
            icon={icon(a)}
            type={a === 'verify' ? 'primary' : 'default'}
            danger={a === 'unverify' || a === 'guaranteeOff'}
            onClick={() => open(a)}
            block={block}
          >
            {t(buttonText[a])}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(buttonText[action]) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onOk={submit}
        confirmLoading={pending}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        {action && <Typography.Paragraph>{t(confirmText[action], { name: org.name })}</Typography.Paragraph>}
        {action && <DocumentsPreview orgId={org.id} kinds={documentsFor[action]} staff />}
        <Form layout="vertical">
          <Form.Item label={t('field.note')} htmlFor={`note-${org.id}`} validateStatus={error ? 'error' : undefined} help={error}>
            <Input.TextArea id={`note-${org.id}`} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
