import { Alert, Skeleton, Typography } from 'antd';
import { documentPhotos, useDocuments, type DocumentKind } from '../../api/documents';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { isApiError } from '../../api/client';
import PhotoViewer from '../uploads/PhotoViewer';
import '../../i18n/lifecycle';

/** An organisation's documents as staff check them (and members who may not
 *  change them see them): each kind asked for, and kept by this kind of
 *  organisation, as thumbnails that open full size, or plainly
 *  "未上传营业执照" when there is none. */
export default function DocumentsPreview({ orgId, kinds, staff = false }: { orgId: string; kinds: DocumentKind[]; staff?: boolean }) {
  const t = useT();
  const docs = useDocuments(orgId);
  if (docs.isPending) return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  // Not found: documents this caller may not see (finance staff), so nothing to show.
  if (docs.isError) return isApiError(docs.error, 'not_found') ? null : <Alert type="error" showIcon message={errorText(docs.error, t)} />;
  const kept = kinds.filter((k) => docs.data.documents.some((d) => d.kind === k));
  return (
    <div className="org-documents" data-testid="documents-preview">
      {kept.map((k) => {
        const photos = documentPhotos(docs.data, k);
        return (
          <section key={k} className="org-document" aria-label={t(`doc.${k}`)} data-kind={k}>
            <Typography.Text strong>{t(`doc.${k}`)}</Typography.Text>
            {photos.length > 0 ? (
              <PhotoViewer photos={photos} size={96} label={t(`doc.${k}`)} />
            ) : (
              <Alert type="warning" showIcon className="org-document-missing" message={t(`doc.missing.${k}`)} />
            )}
          </section>
        );
      })}
      {staff && kept.length > 0 && <Typography.Paragraph type="secondary">{t('doc.checkDocs')}</Typography.Paragraph>}
    </div>
  );
}
