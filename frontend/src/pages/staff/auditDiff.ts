export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

type Obj = Record<string, unknown> | null | undefined;

/** The fields whose values differ between two snapshots, in a stable order. */
export function auditDiff(before: Obj, after: Obj): DiffRow[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const rows: DiffRow[] = [];
  for (const field of [...keys].sort()) {
    const b = before?.[field];
    const a = after?.[field];
    if (JSON.stringify(b) !== JSON.stringify(a)) rows.push({ field, before: b, after: a });
  }
  return rows;
}
