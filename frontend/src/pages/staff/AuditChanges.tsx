import { Typography } from 'antd';
import type { AuditEntry } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { msgText } from '../../lib/msg';

/** Before → after, one line per changed field, as the server words them
 *  (labels, ¥3,600.00, statuses, dates: market.AuditChanges). */
export default function AuditChanges({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const lang = useLang();
  if (entry.changes.length === 0) return <Typography.Text type="secondary">{t('staff.audit.noChanges')}</Typography.Text>;
  const show = (v: AuditEntry['changes'][number]['before']) => msgText(v, lang) || '—';
  return (
    <table className="audit-diff">
      <thead>
        <tr>
          <th scope="col">{t('staff.audit.field')}</th>
          <th scope="col">{t('staff.audit.before')}</th>
          <th scope="col">{t('staff.audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {entry.changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{msgText(c.label, lang)}</th>
            <td className="audit-before">{show(c.before)}</td>
            <td className="audit-after">{show(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
