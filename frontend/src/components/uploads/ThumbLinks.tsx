import type { UploadView } from '../../api/fulfilment';
import './uploads.css';

/** Thumbnails, each a link that opens the full picture: the light viewer
 *  for the public order page, without the image preview's code or the
 *  lifecycle's strings (PhotoViewer has both). */
export default function ThumbLinks({ photos, size, label, alt }: { photos: UploadView[]; size: number; label: string; alt: (n: number) => string }) {
  if (photos.length === 0) return null;
  return (
    <div className="photo-viewer" role="group" aria-label={label} data-testid="photo-viewer">
      {photos.map((p, i) => (
        <a key={p.id} href={p.url} target="_blank" rel="noopener" className="photo-thumb-link">
          <img src={p.thumb_url} alt={alt(i + 1)} width={size} height={size} loading="lazy" className="photo-thumb" data-testid="photo-thumb" />
        </a>
      ))}
    </div>
  );
}
