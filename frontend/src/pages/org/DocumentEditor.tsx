import { useRef, useState } from 'react';
import { Typography } from 'antd';
import { useSetDocument, type DocumentView } from '../../api/documents';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import PhotoUploader from '../../components/uploads/PhotoUploader';
import { photoIds, storedPhoto, uploading, type PhotoFile } from '../../components/uploads/photos';
import '../../i18n/lifecycle';

const same = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** One document for its owner: photos uploaded with the phone's camera and
 *  saved as the document as soon as none is still on its way (removing a
 *  photo saves too). Saves go one at a time, the latest list last. */
export default function DocumentEditor({ orgId, doc, max }: { orgId: string; doc: DocumentView; max: number }) {
  const t = useT();
  const save = useSetDocument(orgId);
  const [files, setFiles] = useState<PhotoFile[]>(() => doc.photos.map(storedPhoto));
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const saved = useRef(doc.photos.map((p) => p.id));
  const wanted = useRef<string[] | null>(null);
  const busy = useRef(false);

  const flush = () => {
    const ids = wanted.current;
    if (busy.current || !ids) return;
    wanted.current = null;
    if (same(ids, saved.current)) return;
    busy.current = true;
    setState('saving');
    setError(null);
    save.mutate(
      { kind: doc.kind, photo_ids: ids },
      {
        onSuccess: () => {
          saved.current = ids;
          setState('saved');
        },
        onError: (e) => {
          setState('idle');
          setError(errorText(e, t));
        },
        onSettled: () => {
          busy.current = false;
          flush();
        },
      },
    );
  };

  const onChange = (next: PhotoFile[]) => {
    setFiles(next);
    if (uploading(next)) return;
    wanted.current = photoIds(next);
    flush();
  };

  return (
    <section className="org-document" aria-label={t(`doc.${doc.kind}`)} data-kind={doc.kind}>
      <Typography.Text strong>{t(`doc.${doc.kind}`)}</Typography.Text>
      <Typography.Paragraph type="secondary" className="org-document-hint">
        {t(`doc.hint.${doc.kind}`)}
      </Typography.Paragraph>
      <PhotoUploader value={files} onChange={onChange} max={max} testId={`document-${doc.kind}`} />
      <div role="status" className="photo-hint">
        {state === 'saving' ? t('doc.saving') : state === 'saved' ? t('doc.saved') : ''}
      </div>
      {error && (
        <div className="photo-error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}
