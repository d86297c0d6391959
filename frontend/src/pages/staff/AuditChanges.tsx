import { Typography } from 'antd';
import type { AuditEntry } from '../../api/types';
import { tDynamic, useT } from '../../i18n';
import { auditDiff } from './auditDiff';

function show(v: unknown, yes: string, no: string): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? yes : no;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Before → after, one line per changed field. */
export default function AuditChanges({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const rows = auditDiff(entry.before, entry.after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('staff.audit.noChanges')}</Typography.Text>;
  const yes = t('common.yes');
  const no = t('common.no');
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
        {rows.map((r) => (
          <tr key={r.field}>
            <th scope="row">{tDynamic(t, `audit.field.${r.field}`, r.field)}</th>
            <td className="audit-before">{show(r.before, yes, no)}</td>
            <td className="audit-after">{show(r.after, yes, no)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
