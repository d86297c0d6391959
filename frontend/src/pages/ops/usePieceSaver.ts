import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { putPieces } from '../../api/workshopOps';
import { sheetKey } from '../../api/keys';
import type { PieceSave, SheetView } from '../../api/types';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'retrying'; attempt: number } | { kind: 'failed'; error: unknown };

const MAX_ATTEMPTS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A failure worth retrying with the same key: the request may not have
 *  arrived (network) or the server could not answer (5xx, 429). */
function retryable(e: unknown): boolean {
  return !isApiError(e) || e.code === 'network' || e.code === 'internal' || e.code === 'rate_limited' || e.status >= 500;
}

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older phones: a v4 UUID from getRandomValues.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Saves piece records optimistically: the new values show at once; the
 * request is retried with the SAME save key until it lands, so a save whose
 * answer was lost is never applied twice. A refused save (4xx) rolls back.
 */
export function usePieceSaver(contractId: string, baseDelayMs = 1000) {
  const qc = useQueryClient();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<PieceSave | null>(null);

  const send = useCallback(
    async (save: PieceSave, before: SheetView | undefined) => {
      for (let attempt = 1; ; attempt++) {
        try {
          const v = await putPieces(contractId, save);
          pending.current = null;
          qc.setQueryData(sheetKey(contractId), v);
          setState({ kind: 'idle' });
          return true;
        } catch (e) {
          if (!retryable(e)) {
            pending.current = null;
            if (before) qc.setQueryData(sheetKey(contractId), before);
            setState({ kind: 'failed', error: e });
            return false;
          }
          if (attempt >= MAX_ATTEMPTS) {
            setState({ kind: 'failed', error: e }); // keep pending: "retry" resends the same key
            return false;
          }
          setState({ kind: 'retrying', attempt });
          await sleep(Math.min(baseDelayMs * 2 ** (attempt - 1), 15000));
        }
      }
    },
    [contractId, qc, baseDelayMs],
  );

  /** Saves values (resident id → pieces) in one request. */
  const save = useCallback(
    (values: Record<string, number>) => {
      const records = Object.entries(values).map(([resident_id, pieces]) => ({ resident_id, pieces }));
      if (records.length === 0) return Promise.resolve(true);
      const key = sheetKey(contractId);
      const before = qc.getQueryData<SheetView>(key);
      if (before) {
        qc.setQueryData<SheetView>(key, {
          ...before,
          rows: before.rows.map((r) => (r.resident_id in values ? { ...r, pieces: values[r.resident_id] } : r)),
          totals: { ...before.totals, pieces: before.rows.reduce((n, r) => n + (values[r.resident_id] ?? r.pieces), 0) },
        });
      }
      const s: PieceSave = { save_key: newKey(), records };
      pending.current = s;
      setState({ kind: 'saving' });
      return send(s, before);
    },
    [contractId, qc, send],
  );

  /** Resends the save that has not landed yet, with its original key. */
  const retry = useCallback(() => {
    if (!pending.current) return Promise.resolve(true);
    setState({ kind: 'saving' });
    return send(pending.current, undefined);
  }, [send]);

  return { state, save, retry, hasPending: () => pending.current !== null };
}
