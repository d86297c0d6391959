import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sheetKey } from '../../api/keys';
import type { SheetView } from '../../api/types';
import { usePieceSaver } from './usePieceSaver';

// fetch is replaced: this tests the client's retry rule; the server's
// once-per-key rule is tested against Postgres in server/api.
const sheet = (pieces: number): SheetView =>
  ({
    contract: { id: 'k1', quantity: 100 },
    rows: [{ resident_id: 'r1', name: '李秀英', pieces }],
    totals: { pieces },
    open: true,
    locked: false,
    changes: [],
    applied: true,
  }) as unknown as SheetView;

function setup(replies: (() => Response | Promise<Response>)[]) {
  const bodies: { save_key: string }[] = [];
  const fetchMock = vi.fn(async (req: Request) => {
    bodies.push((await req.json()) as { save_key: string });
    return replies[bodies.length - 1]();
  });
  vi.stubGlobal('fetch', fetchMock);
  const qc = new QueryClient();
  qc.setQueryData(sheetKey('k1'), sheet(1));
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
  const hook = renderHook(() => usePieceSaver('k1', 1), { wrapper });
  return { qc, hook, bodies };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('usePieceSaver', () => {
  it('shows the value at once and retries with the same key until it lands', async () => {
    const { qc, hook, bodies } = setup([
      () => Promise.reject(new TypeError('network down')),
      () => json(502, { error: { code: 'internal', message: 'bad gateway' } }),
      () => json(200, sheet(7)),
    ]);
    let done: Promise<boolean> = Promise.resolve(false);
    act(() => {
      done = hook.result.current.save({ r1: 7 });
    });
    expect(qc.getQueryData<SheetView>(sheetKey('k1'))?.rows[0].pieces).toBe(7); // optimistic
    await act(async () => {
      expect(await done).toBe(true);
    });
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies.map((b) => b.save_key)).size).toBe(1);
    await waitFor(() => expect(hook.result.current.state.kind).toBe('idle'));
  });

  it('rolls back when the server refuses the save', async () => {
    const { qc, hook, bodies } = setup([() => json(400, { error: { code: 'invalid', message: '合格件数合计超过了合同数量' } })]);
    await act(async () => {
      expect(await hook.result.current.save({ r1: 500 })).toBe(false);
    });
    expect(bodies).toHaveLength(1);
    expect(qc.getQueryData<SheetView>(sheetKey('k1'))?.rows[0].pieces).toBe(1);
    expect(hook.result.current.state.kind).toBe('failed');
    expect(hook.result.current.hasPending()).toBe(false);
  });

  it('keeps a save that never got through for a retry with its key', async () => {
    const replies = Array.from({ length: 8 }, () => () => Promise.reject(new TypeError('offline')));
    const { hook, bodies } = setup([...replies, () => json(200, sheet(3))]);
    await act(async () => {
      expect(await hook.result.current.save({ r1: 3 })).toBe(false);
    });
    expect(hook.result.current.hasPending()).toBe(true);
    await act(async () => {
      expect(await hook.result.current.retry()).toBe(true);
    });
    expect(bodies).toHaveLength(9);
    expect(new Set(bodies.map((b) => b.save_key)).size).toBe(1);
  });
});
