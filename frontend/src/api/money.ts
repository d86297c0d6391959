import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { contractKey, contractsKey } from './keys';
import type { components } from './openapi';
import type { ContractStatus, ContractView, Me, Paginated } from './types';

// Money (issue #11): paying in, the money tab, the ledger, payout accounts
// and the finance queues. Types come from the generated OpenAPI document.
type S = components['schemas'];
export type Payment = S['PaymentView'];
export type PaymentStatus = Payment['status'];
export type PaymentPurpose = Payment['purpose'];
export type Disbursement = S['DisbursementView'];
export type DisbursementStatus = Disbursement['status'];
export type DisbursementKind = Disbursement['kind'];
export type MoneyView = S['MoneyView'];
export type Held = S['Held'];
export type LedgerTransaction = S['LedgerTransaction'];
export type LedgerLine = S['LedgerLine'];
export type LedgerKind = LedgerTransaction['kind'];
export type FinancePayment = S['FinancePayment'];
export type FinanceDisbursement = S['FinanceDisbursement'];
export type PayoutAccount = S['PayoutAccountView'];
export type PayoutAccountInput = S['PayoutAccountRequest'];

export const PAYMENT_STATUSES: PaymentStatus[] = ['pending', 'succeeded', 'short', 'over', 'failed', 'cancelled'];
export const DISBURSEMENT_STATUSES: DisbursementStatus[] = ['queued', 'sending', 'sent', 'failed', 'reversed'];
export const FINANCE_PER_PAGE = 20;
/** A contract can be cancelled before production starts. */
export const CANCELLABLE: ContractStatus[] = ['awaiting_funding', 'active', 'materials_sent'];

/** Every staff role sees every contract's money (the server agrees). */
export const isStaffRole = (me: Me | null | undefined) => me?.role === 'admin' || me?.role === 'moderator' || me?.role === 'finance';

// A contract's money lives under 'contracts' so every contract action
// (funding, cancelling, deliveries, settlement) refreshes it too.
export const moneyKey = (id: string) => ['contracts', 'money', id] as const;
export const ledgerKey = (id: string) => ['contracts', 'ledger', id] as const;
const paymentKey = (id: string) => ['payments', id] as const;
export const financeKey = ['finance'] as const;
const financePaymentsKey = (status: string, page: number) => ['finance', 'payments', status, page] as const;
const financeDisbursementsKey = (status: string, page: number) => ['finance', 'disbursements', status, page] as const;
const payoutKey = (orgId: string) => ['org', orgId, 'payout'] as const;

/** What is still owed to the platform for a contract, from the money tab:
 *  escrow and deposit, each never below zero. */
export function owed(m: Pick<MoneyView, 'escrow_required' | 'deposit_required' | 'deposit_waived' | 'held'>) {
  return {
    escrow: Math.max(0, m.escrow_required - m.held.escrow),
    deposit: m.deposit_waived ? 0 : Math.max(0, m.deposit_required - m.held.deposit),
  };
}

/** The open (pending) payment for a purpose, if any. */
export function openPayment(m: MoneyView | undefined, purpose: PaymentPurpose): Payment | undefined {
  return m?.payments.find((p) => p.purpose === purpose && p.status === 'pending');
}

/** GET /contracts/{id}/payments. While a payment waits (a bank transfer for
 *  finance staff to match, a card payment for Stripe) it is checked again
 *  every 15 s, so the page moves on by itself. */
export function useContractMoney(id: string, enabled = true) {
  return useQuery({
    queryKey: moneyKey(id),
    queryFn: ({ signal }) => api.get<MoneyView>(`/contracts/${id}/payments`, undefined, signal),
    enabled,
    refetchInterval: (q) => (q.state.data?.payments.some((p) => p.status === 'pending') ? 15_000 : false),
  });
}

export function useContractLedger(id: string, enabled = true) {
  return useQuery({
    queryKey: ledgerKey(id),
    queryFn: ({ signal }) => api.get<{ transactions: LedgerTransaction[] }>(`/contracts/${id}/ledger`, undefined, signal).then((r) => r.transactions),
    enabled,
  });
}

/** POST /contracts/{id}/fund (company) or /deposit (workshop): a payment for
 *  what is still owed. The amount is the server's, never the browser's. */
export function useStartPayment(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (purpose: PaymentPurpose) => api.post<Payment>(`/contracts/${contractId}/${purpose === 'escrow' ? 'fund' : 'deposit'}`),
    // A 409 means a payment is open already: the money tab shows it.
    onSettled: () => qc.invalidateQueries({ queryKey: contractsKey }),
  });
}

/** GET /payments/{id}: polled until a card payment's client secret exists. */
export function usePayment(id: string | undefined, poll: boolean) {
  return useQuery({
    queryKey: paymentKey(id ?? ''),
    queryFn: ({ signal }) => api.get<Payment>(`/payments/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: poll ? 2000 : false,
  });
}

/** POST /payments/{id}/receipt: the payer's note about its bank transfer. */
export function useAttachReceipt(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ paymentId, note }: { paymentId: string; note: string }) => api.post<Payment>(`/payments/${paymentId}/receipt`, { note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: moneyKey(contractId) }),
  });
}

/** POST /payments/{id}/simulate (staff, Stripe test mode): a signed event through the real webhook. */
export function useSimulatePayment(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ paymentId, outcome }: { paymentId: string; outcome: 'succeeded' | 'failed' }) =>
      api.post<{ status: string }>(`/payments/${paymentId}/simulate`, { outcome }),
    // The webhook is processed by a job: look again shortly.
    onSuccess: () => {
      const refresh = () => {
        void qc.invalidateQueries({ queryKey: moneyKey(contractId) });
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
    mutationFn: (reason: string) => api.post<ContractView>(`/contracts/${contractId}/cancel`, { reason }),
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
      api.get<Paginated<FinancePayment>>('/finance/payments', { status, page, per_page: FINANCE_PER_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFinanceDisbursements(status: DisbursementStatus, page: number) {
  return useQuery({
    queryKey: financeDisbursementsKey(status, page),
    queryFn: ({ signal }) =>
      api.get<Paginated<FinanceDisbursement>>('/finance/disbursements', { status, page, per_page: FINANCE_PER_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

/** How many payments (or disbursements) are in each status: one count each. */
export function useFinanceCounts<T extends string>(kind: 'payments' | 'disbursements', statuses: T[]) {
  return useQueries({
    queries: statuses.map((status) => ({
      queryKey: ['finance', kind, 'count', status] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Paginated<unknown>>(`/finance/${kind}`, { status, per_page: 1 }, signal).then((r) => r.total),
    })),
    combine: (rs) => Object.fromEntries(statuses.map((s, i) => [s, rs[i].data])) as Partial<Record<T, number>>,
  });
}

export function useConfirmPayment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, amountReceived, bankReference }: { id: string; amountReceived: number; bankReference: string }) =>
      api.post<Payment>(`/finance/payments/${id}/confirm`, { amount_received: amountReceived, bank_reference: bankReference }),
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
      api.post<Disbursement>(`/finance/disbursements/${id}/sent`, { bank_reference: bankReference }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: financeKey });
      void qc.invalidateQueries({ queryKey: contractsKey });
    },
  });
}

// --- payout accounts ---

export function usePayoutAccount(orgId: string) {
  return useQuery({
    queryKey: payoutKey(orgId),
    queryFn: ({ signal }) => api.get<PayoutAccount>(`/orgs/${orgId}/payout-account`, undefined, signal),
  });
}

export function useSetPayoutAccount(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PayoutAccountInput) => api.put<PayoutAccount>(`/orgs/${orgId}/payout-account`, input),
    onSuccess: (acc) => qc.setQueryData(payoutKey(orgId), acc),
  });
}

/** POST stripe-link: connect (once) and get the onboarding link to go to. */
export function useStripeLink(orgId: string) {
  return useMutation({
    mutationFn: () => api.post<{ url: string }>(`/orgs/${orgId}/payout-account/stripe-link`),
  });
}
