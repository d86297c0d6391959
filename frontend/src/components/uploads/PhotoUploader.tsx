import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Button, Image, Progress } from 'antd';
import { CameraOutlined, CloseOutlined, LoadingOutlined } from '@ant-design/icons';
import { MAX_PHOTOS, UPLOAD_TYPES, uploadPhoto } from '../../api/fulfilment';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { checkPhoto, type PhotoFile } from './photos';
import './uploads.css';
import '../../i18n/lifecycle';

interface Props {
  /** Form.Item supplies value/onChange; the list includes photos still uploading. */
  value?: PhotoFile[];
  onChange?: (files: PhotoFile[]) => void;
  max?: number;
  id?: string;
  testId?: string;
}

let seq = 0;

/** Picks photos (the phone offers its camera), checks type and size before
 *  sending, uploads each with a progress bar, shows the server's thumbnail
 *  and lets a photo be removed before the form is submitted. */
export default function PhotoUploader({ value, onChange, max = MAX_PHOTOS, id, testId = 'photo-uploader' }: Props) {
  const t = useT();
  const files = value ?? [];
  const latest = useRef(files);
  useLayoutEffect(() => {
    latest.current = value ?? [];
  }, [value]);
  const aborts = useRef(new Map<string, AbortController>());
  const previews = useRef(new Map<string, string>());
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();

  useEffect(() => {
    const a = aborts.current;
    const p = previews.current;
    return () => {
      a.forEach((c) => c.abort());
      p.forEach((url) => URL.revokeObjectURL?.(url));
    };
  }, []);

  const set = (next: PhotoFile[]) => {
    latest.current = next;
    onChange?.(next);
  };
  const patch = (uid: string, p: Partial<PhotoFile>) => set(latest.current.map((f) => (f.uid === uid ? { ...f, ...p } : f)));

  const add = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setError(null);
    const room = max - latest.current.length;
    const picked = Array.from(list);
    if (picked.length > room) setError(t('ful.photo.tooMany', { max }));
    const accepted: { file: File; entry: PhotoFile }[] = [];
    for (const file of picked.slice(0, Math.max(0, room))) {
      const bad = checkPhoto(file);
      if (bad) {
        setError(`${file.name}: ${t(bad)}`);
        continue;
      }
      const uid = `photo-${++seq}`;
      const preview = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : undefined;
      if (preview) previews.current.set(uid, preview);
      accepted.push({ file, entry: { uid, name: file.name, status: 'uploading', percent: 0, size: file.size, type: file.type, preview } });
    }
    if (accepted.length === 0) return;
    set([...latest.current, ...accepted.map((a) => a.entry)]);
    for (const { file, entry } of accepted) {
      const ctl = new AbortController();
      aborts.current.set(entry.uid, ctl);
      uploadPhoto(file, (percent) => patch(entry.uid, { percent }), ctl.signal)
        .then((view) => patch(entry.uid, { status: 'done', percent: 100, response: view, url: view.url, thumbUrl: view.thumb_url }))
        .catch((e: unknown) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setError(`${file.name}: ${errorText(e, t)}`);
          set(latest.current.filter((f) => f.uid !== entry.uid));
        })
        .finally(() => aborts.current.delete(entry.uid));
    }
  };

  const remove = (uid: string) => {
    aborts.current.get(uid)?.abort();
    aborts.current.delete(uid);
    const url = previews.current.get(uid);
    if (url) URL.revokeObjectURL?.(url);
    previews.current.delete(uid);
    set(latest.current.filter((f) => f.uid !== uid));
  };

  return (
    <div className="photo-uploader" data-testid={testId}>
      <div className="photo-grid">
        {files.map((f, i) => (
          <div className="photo-tile" key={f.uid} data-testid="photo-tile" data-status={f.status}>
            {f.status === 'done' && f.response ? (
              <Image src={f.response.thumb_url} preview={{ src: f.response.url }} alt={t('ful.photo.alt', { n: i + 1 })} />
            ) : f.preview ? (
              <img src={f.preview} alt={t('ful.photo.alt', { n: i + 1 })} style={{ opacity: 0.5 }} />
            ) : (
              <LoadingOutlined />
            )}
            {f.status === 'uploading' && (
              <Progress
                className="photo-progress"
                percent={f.percent ?? 0}
                size="small"
                showInfo={false}
                aria-label={t('ful.photo.progress', { n: f.percent ?? 0 })}
              />
            )}
            <Button
              className="photo-remove"
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              aria-label={t('ful.photo.remove', { n: i + 1 })}
              onClick={() => remove(f.uid)}
              data-testid="photo-remove"
            />
          </div>
        ))}
        {files.length < max && (
          <button type="button" className="photo-add" onClick={() => input.current?.click()} aria-describedby={hintId} id={id} data-testid="photo-add">
            <CameraOutlined />
            <span>{t('ful.photo.add')}</span>
          </button>
        )}
      </div>
      <input
        ref={input}
        type="file"
        accept={UPLOAD_TYPES.join(',')}
        multiple
        style={{ display: 'none' }}
        aria-hidden
        tabIndex={-1}
        data-testid="photo-input"
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      {error && (
        <div className="photo-error" role="alert">
          {error}
        </div>
      )}
      <div className="photo-hint" id={hintId}>
        {t('ful.photo.hint', { max })}
      </div>
    </div>
  );
}
