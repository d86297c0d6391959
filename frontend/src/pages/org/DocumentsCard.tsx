import { Alert, Card, Skeleton, Typography } from 'antd';
import { documentPhotos, useDocuments } from '../../api/documents';
import type { Org } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { reasonText } from '../../lib/permissions';
import DocumentsPreview from '../../components/org/DocumentsPreview';
import DocumentEditor from './DocumentEditor';
import '../../i18n/lifecycle';

/** The organisation's documents on its own page: its owners upload them
 *  (an unverified organisation without a licence is asked to, first thing),
 *  other members see them. Only members and the platform's reviewers can. */
export default function DocumentsCard({ org }: { org: Org }) {
  const t = useT();
  const lang = useLang();
  const docs = useDocuments(org.id);
  const v = docs.data;
  const canUpload = !!v?.actions.upload.allowed;
  const askForLicence = !org.verified && !!v && documentPhotos(v, 'business_licence').length === 0;

  return (
    <Card title={t('doc.title')} data-testid="documents-card">
      {askForLicence && (
        <Alert type="warning" showIcon message={t('doc.prompt')} description={t('doc.promptText')} style={{ marginBottom: 16 }} data-testid="licence-prompt" />
      )}
      {docs.isPending && <Skeleton active title={false} paragraph={{ rows: 2 }} />}
      {docs.isError && <Alert type="error" showIcon message={errorText(docs.error, t)} />}
      {v &&
        (canUpload ? (
          v.documents.map((d) => <DocumentEditor key={d.kind} orgId={org.id} doc={d} max={v.limits.max_pages} />)
        ) : (
          <>
            <DocumentsPreview orgId={org.id} kinds={v.documents.map((d) => d.kind)} />
            <Typography.Paragraph type="secondary">{reasonText(v.actions.upload, lang)}</Typography.Paragraph>
          </>
        ))}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('doc.private')}
      </Typography.Paragraph>
    </Card>
  );
}
