import type { UploadFile } from 'antd';
import type { UploadView } from '../../api/fulfilment';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from '../../api/fulfilment';
import type { MessageKey } from '../../i18n';

/** One photo in an uploader: antd's file with the server's view once stored. */
export type PhotoFile = UploadFile<UploadView>;

/** The stored photos' ids, for a request's photo_ids. */
export function photoIds(files: PhotoFile[] | undefined): string[] {
  return (files ?? []).flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));
}

/** True while any photo is still on its way. */
export function uploading(files: PhotoFile[] | undefined): boolean {
  return (files ?? []).some((f) => f.status === 'uploading');
}

/** The client-side check before a file is sent: JPEG/PNG/WebP, at most 5 MB.
 *  (The server sniffs the bytes anyway; this only saves a wasted upload.) */
export function checkPhoto(file: { type: string; size: number }): MessageKey | null {
  if (!UPLOAD_TYPES.includes(file.type)) return 'ful.photo.badType';
  if (file.size > MAX_UPLOAD_BYTES) return 'ful.photo.tooBig';
  if (file.size === 0) return 'ful.photo.empty';
  return null;
}

/** A form rule: photos still uploading (or failed) block the submit. */
export function photosRule(message: string, required = false, requiredMessage = '') {
  return {
    validator: async (_: unknown, files?: PhotoFile[]) => {
      if (uploading(files)) throw new Error(message);
      if (required && photoIds(files).length === 0) throw new Error(requiredMessage);
    },
  };
}

/** A stored photo as an uploader's entry (an existing document page or sample photo). */
export function storedPhoto(v: UploadView): PhotoFile {
  return { uid: v.id, name: v.id, status: 'done', percent: 100, response: v, url: v.url, thumbUrl: v.thumb_url };
}
