export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

type Obj = Record<string, unknown> | undefined;

/** A snapshot is a JSON object (or null when there was none). */
export function asObj(v: unknown): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The fields whose values differ between two snapshots, in a stable order. */
export function auditDiff(beforeJSON: unknown, afterJSON: unknown): DiffRow[] {
  const before = asObj(beforeJSON);
  const after = asObj(afterJSON);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const rows: DiffRow[] = [];
  for (const field of [...keys].sort()) {
    const b = before?.[field];
    const a = after?.[field];
    if (JSON.stringify(b) !== JSON.stringify(a)) rows.push({ field, before: b, after: a });
  }
  return rows;
}
