import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { apiURL } from './urls';
import {
  contractKey,
  contractsKey,
  financeCountKey,
  financeDisbursementsKey,
  financeKey,
  financePaymentsKey,
  ledgerKey,
  paymentsKey,
  paymentKey,
  payoutKey,
} from './keys';
import type { components } from './openapi';

// Money (issue #11): paying in, the money tab, the ledger, payout accounts
// and the finance queues. Types come from the generated OpenAPI document.
type S = components['schemas'];
export type Payment = S['PaymentView'];
export type PaymentStatus = Payment['status'];
export type PaymentPurpose = Payment['purpose'];
export type Disbursement = S['DisbursementView'];
export type DisbursementStatus = Disbursement['status'];
export type ContractPayments = S['ContractPayments'];
export type Held = S['Held'];
export type LedgerTransaction = S['LedgerTransaction'];
export type LedgerLine = S['LedgerLine'];
export type FinancePayment = S['FinancePayment'];
export type FinanceDisbursement = S['FinanceDisbursement'];
export type PayoutAccount = S['PayoutAccountView'];
export type PayoutAccountInput = S['PayoutAccountRequest'];

export const PAYMENT_STATUSES: PaymentStatus[] = ['pending', 'succeeded', 'short', 'over', 'failed', 'cancelled'];
export const DISBURSEMENT_STATUSES: DisbursementStatus[] = ['queued', 'sending', 'sent', 'failed', 'reversed'];
export const FINANCE_PER_PAGE = 20;
/** GET /contracts/{id}/payments. While a payment waits (a bank transfer for
 *  finance staff to match, a card payment for Stripe) it is checked again
 *  every 15 s, so the page moves on by itself. */
export function useContractPayments(id: string, enabled = true) {
  return useQuery({
    queryKey: paymentsKey(id),
    queryFn: ({ signal }) => ok(api.GET('/contracts/{id}/payments', { params: { path: { id } }, signal })),
    enabled,
    refetchInterval: (q) => (q.state.data?.owed.open_escrow || q.state.data?.owed.open_deposit ? 15_000 : false),
  });
}

export function useContractLedger(id: string, enabled = true) {
  return useQuery({
    queryKey: ledgerKey(id),
    queryFn: ({ signal }) => ok(api.GET('/contracts/{id}/ledger', { params: { path: { id } }, signal })).then((r) => r.transactions),
    enabled,
  });
}

/** POST /contracts/{id}/fund (company) or /deposit (workshop): a payment for
 *  what is still owed. The amount is the server's, never the browser's. */
export function useStartPayment(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (purpose: PaymentPurpose) => ok(api.POST(purpose === 'escrow' ? '/contracts/{id}/fund' : '/contracts/{id}/deposit', { params: { path: { id: contractId } } })),
    // A 409 means a payment is open already: the money tab shows it.
    onSettled: () => qc.invalidateQueries({ queryKey: contractsKey }),
  });
}

/** GET /payments/{id}: polled until a card payment's client secret exists. */
export function usePayment(id: string | undefined, poll: boolean) {
  return useQuery({
    queryKey: paymentKey(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/payments/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
    refetchInterval: poll ? 2000 : false,
  });
}

/** POST /payments/{id}/receipt: the payer's note about its bank transfer. */
export function useAttachReceipt(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ paymentId, note }: { paymentId: string; note: string }) => ok(api.POST('/payments/{id}/receipt', { params: { path: { id: paymentId } }, body: { note } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: paymentsKey(contractId) }),
  });
}

/** POST /payments/{id}/simulate (staff, Stripe test mode): a signed event through the real webhook. */
export function useSimulatePayment(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ paymentId, outcome }: { paymentId: string; outcome: 'succeeded' | 'failed' }) =>
      ok(api.POST('/payments/{id}/simulate', { params: { path: { id: paymentId } }, body: { outcome } })),
    // The webhook is processed by a job: look again shortly.
    onSuccess: () => {
      const refresh = () => {
        void qc.invalidateQueries({ queryKey: paymentsKey(contractId) });
        void qc.invalidateQueries({ queryKey: contractKey(contractId) });
      };
      refresh();
      setTimeout(refresh, 1500);
    },
  });
}

/** POST /contracts/{id}/cancel: ask, agree (parties) or decide (staff). */
export function useCancelContract(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => ok(api.POST('/contracts/{id}/cancel', { params: { path: { id: contractId } }, body: { reason } })),
    onSuccess: (c) => {
      qc.setQueryData(contractKey(contractId), c);
      void qc.invalidateQueries({ queryKey: contractsKey });
    },
  });
}

// --- finance staff ---

export function useFinancePayments(status: PaymentStatus, page: number) {
  return useQuery({
    queryKey: financePaymentsKey(status, page),
    queryFn: ({ signal }) =>
      ok(api.GET('/finance/payments', { params: { query: { status, page, per_page: FINANCE_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useFinanceDisbursements(status: DisbursementStatus, page: number) {
  return useQuery({
    queryKey: financeDisbursementsKey(status, page),
    queryFn: ({ signal }) =>
      ok(api.GET('/finance/disbursements', { params: { query: { status, page, per_page: FINANCE_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** How many payments (or disbursements) are in each status: one count each. */
export function useFinanceCounts<T extends PaymentStatus | DisbursementStatus>(kind: 'payments' | 'disbursements', statuses: T[]) {
  return useQueries({
    queries: statuses.map((status) => ({
      queryKey: financeCountKey(kind, status),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        ok(api.GET(`/finance/${kind}`, { params: { query: { status, per_page: 1 } }, signal })).then((r) => r.total),
    })),
    combine: (rs) => Object.fromEntries(statuses.map((s, i) => [s, rs[i].data])) as Partial<Record<T, number>>,
  });
}

export function useConfirmPayment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, amountReceived, bankReference }: { id: string; amountReceived: number; bankReference: string }) =>
      ok(api.POST('/finance/payments/{id}/confirm', { params: { path: { id } }, body: { amount_received: amountReceived, bank_reference: bankReference } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: financeKey });
      void qc.invalidateQueries({ queryKey: contractsKey });
    },
  });
}

export function useMarkSent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, bankReference }: { id: string; bankReference: string }) =>
      ok(api.POST('/finance/disbursements/{id}/sent', { params: { path: { id } }, body: { bank_reference: bankReference } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: financeKey });
      void qc.invalidateQueries({ queryKey: contractsKey });
    },
  });
}

/** Every contract settled in a date range, as a spreadsheet (a download link). */
export const settlementsXLSXURL = (from: string, to: string) => apiURL('/finance/settlements.xlsx', { query: { from, to } });

// --- payout accounts ---

export function usePayoutAccount(orgId: string) {
  return useQuery({
    queryKey: payoutKey(orgId),
    queryFn: ({ signal }) => ok(api.GET('/orgs/{id}/payout-account', { params: { path: { id: orgId } }, signal })),
  });
}

export function useSetPayoutAccount(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PayoutAccountInput) => ok(api.PUT('/orgs/{id}/payout-account', { params: { path: { id: orgId } }, body: input })),
    onSuccess: (acc) => qc.setQueryData(payoutKey(orgId), acc),
  });
}

/** POST stripe-link: connect (once) and get the onboarding link to go to. */
export function useStripeLink(orgId: string) {
  return useMutation({
    mutationFn: () => ok(api.POST('/orgs/{id}/payout-account/stripe-link', { params: { path: { id: orgId } } })),
  });
}
