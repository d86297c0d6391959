package market

import "fmt"

// The ledger (DESIGN.md "Money"): every movement of money is one balanced
// set of lines (their amounts sum to zero) on these accounts. A positive
// balance is money the platform holds for someone (or has earned);
// provider_clearing mirrors the platform's bank or Stripe balance and runs
// negative by what the platform holds. The database refuses an unbalanced
// transaction and a negative held balance; these functions build the lines.

// AccountKind names a ledger account.
type AccountKind string

const (
	AccFundsInTransit     AccountKind = "funds_in_transit"      // per contract: received, not yet allocated
	AccEscrow             AccountKind = "contract_escrow"       // per contract: the company's money for the work
	AccDeposit            AccountKind = "contract_deposit"      // per contract: the workshop's deposit
	AccWorkshopPayable    AccountKind = "workshop_payable"      // per contract: released, owed to the workshop
	AccRefundsPayable     AccountKind = "refunds_payable"       // per contract: to be returned to a payer
	AccMaterialComp       AccountKind = "material_compensation" // per contract: deducted from the deposit, owed to the company
	AccPlatformCommission AccountKind = "platform_commission"   // platform revenue
	AccProviderClearing   AccountKind = "provider_clearing"     // per provider: money at the bank / Stripe
)

// PerContract reports whether an account kind has one account per contract.
func (k AccountKind) PerContract() bool {
	return k != AccPlatformCommission && k != AccProviderClearing
}

// Line is one entry of a movement.
type Line struct {
	Account AccountKind
	Amount  int64
}

// Movement is one balanced ledger transaction in the making.
type Movement struct {
	Kind  string // what happened, e.g. payment_received
	Lines []Line
}

// add appends a line, leaving out zero amounts (the database refuses them).
func (m *Movement) add(acc AccountKind, amount int64) {
	if amount != 0 {
		m.Lines = append(m.Lines, Line{acc, amount})
	}
}

// Check refuses a movement that is not a valid transaction: fewer than two
// lines, a zero line, or lines that do not sum to zero.
func (m Movement) Check() error {
	var sum int64
	for _, l := range m.Lines {
		if l.Amount == 0 {
			return fmt.Errorf("ledger: zero line on %s in %s", l.Account, m.Kind)
		}
		sum += l.Amount
	}
	if len(m.Lines) < 2 || sum != 0 {
		return fmt.Errorf("ledger: %s is unbalanced (%d lines, sum %d)", m.Kind, len(m.Lines), sum)
	}
	return nil
}

// PaymentPurpose is what a payment in pays for.
type PaymentPurpose string

const (
	PurposeEscrow  PaymentPurpose = "escrow"  // the company funds the contract
	PurposeDeposit PaymentPurpose = "deposit" // the workshop's deposit (保证金)
)

// HoldAccount is the account a purpose's money is held in.
func (p PaymentPurpose) HoldAccount() AccountKind {
	if p == PurposeDeposit {
		return AccDeposit
	}
	return AccEscrow
}

// Received books money that arrived at the provider for a contract.
func Received(amount int64) Movement {
	m := Movement{Kind: "payment_received"}
	m.add(AccProviderClearing, -amount)
	m.add(AccFundsInTransit, amount)
	return m
}

// Allocate moves received money to what it pays for: up to owed into the
// hold account, the rest (an over-payment, or money for a contract that no
// longer needs it) to be refunded. It returns the excess.
func Allocate(p PaymentPurpose, received, owed int64) (Movement, int64) {
	held := min(received, max(owed, 0))
	excess := received - held
	m := Movement{Kind: "payment_allocated"}
	m.add(AccFundsInTransit, -received)
	m.add(p.HoldAccount(), held)
	m.add(AccRefundsPayable, excess)
	return m, excess
}

// ReturnHeld moves what is still held in escrow and deposit to be refunded
// (a cancelled or lapsed contract, or unused escrow at settlement).
func ReturnHeld(escrow, deposit int64) Movement {
	m := Movement{Kind: "held_returned"}
	m.add(AccEscrow, -escrow)
	m.add(AccDeposit, -deposit)
	m.add(AccRefundsPayable, escrow+deposit)
	return m
}

// Release pays out accepted work: gross = accepted × unit price leaves
// escrow; the platform keeps the commission (rounded half up, at the
// contract's frozen rate) and the workshop is owed the rest.
func Release(accepted, unitPrice int64, commissionBP int) (m Movement, net, commission int64, err error) {
	gross, err := MulChecked(accepted, unitPrice)
	if err != nil {
		return m, 0, 0, err
	}
	commission, net, err = Commission(gross, commissionBP)
	if err != nil {
		return m, 0, 0, err
	}
	m = Movement{Kind: "release"}
	m.add(AccEscrow, -gross)
	m.add(AccWorkshopPayable, net)
	m.add(AccPlatformCommission, commission)
	return m, net, commission, nil
}

// DisbursementKind is what money going out is for.
type DisbursementKind string

const (
	DisbursePayout       DisbursementKind = "payout"       // to the workshop, from workshop_payable
	DisburseRefund       DisbursementKind = "refund"       // to a payer, from refunds_payable
	DisburseCompensation DisbursementKind = "compensation" // to the company, from material_compensation
)

// Source is the account a disbursement is paid from.
func (k DisbursementKind) Source() AccountKind {
	switch k {
	case DisbursePayout:
		return AccWorkshopPayable
	case DisburseCompensation:
		return AccMaterialComp
	}
	return AccRefundsPayable
}

// Sent books money that left the platform.
func Sent(k DisbursementKind, amount int64) Movement {
	m := Movement{Kind: string(k) + "_sent"}
	m.add(k.Source(), -amount)
	m.add(AccProviderClearing, amount)
	return m
}

// Reversed books a payout the provider took back (Stripe transfer.reversed):
// the workshop is owed it again.
func Reversed(k DisbursementKind, amount int64) Movement {
	m := Movement{Kind: string(k) + "_reversed"}
	m.add(AccProviderClearing, -amount)
	m.add(k.Source(), amount)
	return m
}

// DisbursementKinds are every kind of money going out.
var DisbursementKinds = []DisbursementKind{DisbursePayout, DisburseRefund, DisburseCompensation}

// MovementKinds are every kind of ledger transaction the movements above book.
func MovementKinds() []string {
	out := []string{"payment_received", "payment_allocated", "held_returned", "release", "settlement_escrow", "settlement_deposit"}
	for _, k := range DisbursementKinds {
		out = append(out, string(k)+"_sent", string(k)+"_reversed")
	}
	return out
}
