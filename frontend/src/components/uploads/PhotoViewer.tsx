import { Image } from 'antd';
import type { UploadView } from '../../api/fulfilment';
import { useT } from '../../i18n';
import './uploads.css';
import '../../i18n/lifecycle';

/** Thumbnails (served by /uploads/:id/thumb) that open the full image in a
 *  preview which pages through the group. */
export default function PhotoViewer({ photos, size = 72, label }: { photos: UploadView[]; size?: number; label?: string }) {
  const t = useT();
  if (photos.length === 0) return null;
  return (
    <div className="photo-viewer" data-testid="photo-viewer" aria-label={label ?? t('ful.photo.photos', { n: photos.length })} role="group">
      <Image.PreviewGroup>
        {photos.map((p, i) => (
          <Image
            key={p.id}
            src={p.thumb_url}
            preview={{ src: p.url }}
            width={size}
            height={size}
            alt={t('ful.photo.alt', { n: i + 1 })}
            className="photo-thumb"
            data-testid="photo-thumb"
            loading="lazy"
          />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}
