import { useEffect, useState } from 'react';
import type { FormInstance } from 'antd';
import { isApiError } from '../../../api/client';
import type { TFunction } from '../../../i18n';
import { errorText } from '../../../lib/errors';

/** Puts the API's field errors on the form's fields. The API names fields
 *  like `rejected[0].photo_ids`; the forms call them rejected/0/photos.
 *  Returns a message for the form-level alert (anything not on a field). */
export function applyApiErrors(form: FormInstance, err: unknown, t: TFunction): string | null {
  if (!isApiError(err) || Object.keys(err.fields).length === 0) return errorText(err, t);
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const leftover: string[] = [];
  let first: (string | number)[] | null = null;
  for (const [key, msg] of Object.entries(err.fields)) {
    const name = key
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .map((s) => (s === 'photo_ids' ? 'photos' : /^\d+$/.test(s) ? Number(s) : s));
    if (registered.has(name.join('.'))) {
      form.setFields([{ name, errors: [msg] }]);
      first ??= name;
    } else {
      leftover.push(msg);
    }
  }
  if (first) form.scrollToField(first, { block: 'center' });
  return leftover.length > 0 ? [err.message, ...leftover].filter(Boolean).join(' · ') : null;
}

/** Re-renders every 30 s so countdowns stay current. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** "2 days 3 h left" / "overdue by 5 h" in the UI language. */
export function countdownText(t: TFunction, dueIso: string, now: number): { text: string; overdue: boolean; soon: boolean } {
  const ms = new Date(dueIso).getTime() - now;
  const overdue = ms < 0;
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.max(1, Math.floor((abs % 3_600_000) / 60_000));
  const span =
    days > 0 ? t('ful.span.dh', { d: days, h: hours }) : hours > 0 ? t('ful.span.hm', { h: hours, m: minutes }) : t('ful.span.m', { m: minutes });
  return { text: t(overdue ? 'ful.overdue' : 'ful.left', { span }), overdue, soon: !overdue && ms < 86_400_000 };
}

/** "3 days" / "5 h" since a time (the queue's age). */
export function ageText(t: TFunction, sinceIso: string, now: number): string {
  const ms = Math.max(0, now - new Date(sinceIso).getTime());
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  if (days > 0) return t('ful.span.dh', { d: days, h: hours });
  if (hours > 0) return t('ful.span.hm', { h: hours, m: Math.floor((ms % 3_600_000) / 60_000) });
  return t('ful.span.m', { m: Math.max(1, Math.floor(ms / 60_000)) });
}
