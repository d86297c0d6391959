import type { FormInstance } from 'antd';
import { isApiError } from '../api/client';
import type { TFunction } from '../i18n';

/** A human message for any error, in the UI language. */
export function errorText(err: unknown, t: TFunction): string {
  if (!isApiError(err)) return err instanceof Error ? err.message : String(err);
  switch (err.code) {
    case 'network':
      return t('err.network');
    case 'rate_limited':
      return t('err.rateLimited');
    case 'internal':
      return err.message || t('err.internal');
    default:
      if (err.status === 413) return err.message || t('err.tooLarge');
      // With no form to put them on, the field messages are the specific
      // words ("… 1,201 件，超过 … 1,000 件"), not "please check the fields".
      if (Object.keys(err.fields).length > 0) return [...new Set(Object.values(err.fields))].join(' · ');
      return err.message;
  }
}

/** Puts server field errors (keys like "org.credit_code") on the matching
 *  form fields. Returns a message for the form-level alert, or null when
 *  every problem is shown on a field. */
export function applyFormError(form: FormInstance, err: unknown, t: TFunction): string | null {
  if (!isApiError(err) || Object.keys(err.fields).length === 0) return errorText(err, t);
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const leftover: string[] = [];
  const shown: (string | number)[][] = [];
  for (const [key, msg] of Object.entries(err.fields)) {
    if (registered.has(key)) {
      const name = key.split('.');
      form.setFields([{ name, errors: [msg] }]);
      shown.push(name);
    } else {
      leftover.push(msg);
    }
  }
  if (shown.length > 0) form.scrollToField(shown[0], { block: 'center' });
  if (leftover.length > 0) return [err.message, ...leftover].filter(Boolean).join(' · ');
  return null;
}
