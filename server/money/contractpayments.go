package money

import (
	"context"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/payments"
	"doorstep/server/store"
)

// Payments reads a contract's payments and the money behind them — paid
// in, held, paid out, refunded — for a party or staff (GET
// /contracts/{id}/payments, the contract page's money tab).
func (s *Service) Payments(ctx context.Context, a *market.Actor, contractID uuid.UUID) (ContractPayments, error) {
	db := s.Store.DB()
	k, pol, err := access.Contract(ctx, db, a, contractID, s.Now())
	if err != nil {
		return ContractPayments{}, err
	}
	bal, err := db.Balances(ctx, k.ID)
	if err != nil {
		return ContractPayments{}, err
	}
	ps, err := db.ContractPayments(ctx, k.ID)
	if err != nil {
		return ContractPayments{}, err
	}
	ds, err := db.ContractDisbursements(ctx, k.ID)
	if err != nil {
		return ContractPayments{}, err
	}
	v := ContractPayments{Currency: k.Currency, EscrowRequired: k.EscrowAmount, DepositRequired: k.DepositAmount, DepositWaived: k.DepositWaived,
		FundingDueAt: k.FundingDueAt, Provider: s.Provider.Name(), Payments: make([]PaymentView, 0, len(ps)),
		Disbursements: make([]DisbursementView, 0, len(ds)), Owed: owedOf(pol.Facts),
		Held: Held{Escrow: bal[market.AccEscrow], Deposit: bal[market.AccDeposit], WorkshopPayable: bal[market.AccWorkshopPayable],
			RefundsPayable: bal[market.AccRefundsPayable]}}
	if s.Provider.Name() == payments.Manual {
		b := s.Bank
		v.Bank = &b
	} else {
		v.Publishable = s.Publishable
	}
	for _, p := range ps {
		v.Payments = append(v.Payments, s.paymentFor(p, a, pol.Role))
	}
	for _, d := range ds {
		v.Disbursements = append(v.Disbursements, disbursementFor(d, a, true)) // finance sends from its own queue
	}
	rows, err := db.ContractLedger(ctx, &k.ID)
	for _, r := range rows {
		if r.TransactionKind == "release" && market.AccountKind(r.AccountKind) == market.AccEscrow {
			v.Held.Released -= r.Amount
		}
	}
	return v, err
}

// Ledger reads a contract's ledger transactions with their lines; Balanced
// is computed from the lines, not assumed.
func (s *Service) Ledger(ctx context.Context, a *market.Actor, contractID uuid.UUID) ([]LedgerTransaction, error) {
	db := s.Store.DB()
	if _, _, err := access.Contract(ctx, db, a, contractID, s.Now()); err != nil {
		return nil, err
	}
	rows, err := db.ContractLedger(ctx, &contractID)
	if err != nil {
		return nil, err
	}
	out := []LedgerTransaction{}
	sums := []int64{}
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].ID != r.TransactionID {
			out = append(out, LedgerTransaction{ID: r.TransactionID, Kind: r.TransactionKind, Memo: r.Memo, At: r.CreatedAt,
				PaymentID: r.PaymentID, DisbursementID: r.DisbursementID})
			sums = append(sums, 0)
		}
		t := &out[len(out)-1]
		t.Lines = append(t.Lines, LedgerLine{Account: market.AccountKind(r.AccountKind), Provider: r.Provider, Amount: r.Amount})
		sums[len(sums)-1] += r.Amount
	}
	for i := range out {
		out[i].Balanced = sums[i] == 0 && len(out[i].Lines) >= 2
	}
	return out, nil
}

// Simulate sends the correctly signed event the provider would send for a
// pending card payment's success (or decline) through the real webhook
// path (staff, Stripe test mode only): nothing is short-cut.
func (s *Service) Simulate(ctx context.Context, a *market.Actor, paymentID uuid.UUID, succeed bool) error {
	db := s.Store.DB()
	p, err := db.PaymentByID(ctx, paymentID)
	if store.IsNoRows(err) {
		return market.ErrNotFound
	}
	if err != nil {
		return err
	}
	can, err := s.paymentCan(ctx, db, a, p)
	if err != nil {
		return err
	}
	if err := can.Simulate.Err(); err != nil {
		return err
	}
	payload, sig, err := s.Provider.SimulatePayment(payments.TestPayment{Ref: *p.ProviderRef, Amount: p.Amount, Currency: p.Currency,
		Succeed: succeed, ChargeRef: "ch_simulated_" + p.ID.String()[:8], At: s.Now(),
		Metadata: map[string]string{"contract_id": p.ContractID.String(), "payment_id": p.ID.String(), "purpose": p.Purpose}})
	if err != nil {
		return err
	}
	return s.ReceiveWebhook(ctx, payload, sig)
}

// owedOf is what is owed while the contract awaits funding (afterwards
// releases lower what escrow holds, which is not a debt).
func owedOf(f market.ContractFacts) Owed {
	if f.Status != market.ContractAwaitingFunding {
		return Owed{}
	}
	o := Owed{Escrow: f.Escrow.Owed(), Deposit: f.Deposit.Owed()}
	if f.Escrow.Open != nil {
		o.OpenEscrow = &f.Escrow.Open.ID
	}
	if f.Deposit.Open != nil {
		o.OpenDeposit = &f.Deposit.Open.ID
	}
	return o
}
