package settlement

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/money"
	"doorstep/server/store"
)

// Statement is a contract's settlement statement: its terms, every
// dispatch, delivery and inspection, each dispute decision, all money in
// and out, the commission, and the deposit computation line by line. Both
// parties and staff may read it; its figures equal the ledger's.
type Statement struct {
	ContractID  uuid.UUID                 `json:"contract_id"`
	Title       string                    `json:"title"`
	Status      string                    `json:"status"`
	Company     string                    `json:"company"`
	Workshop    string                    `json:"workshop"`
	Currency    string                    `json:"currency"`
	Quantity    int64                     `json:"quantity"`
	UnitPrice   int64                     `json:"unit_price"`
	Escrow      int64                     `json:"escrow"`
	Deposit     int64                     `json:"deposit"`
	DepositKind string                    `json:"deposit_kind"`
	Waived      bool                      `json:"deposit_waived"`
	Commission  int                       `json:"commission_bp"`
	CreatedAt   time.Time                 `json:"created_at"`
	SettledAt   *time.Time                `json:"settled_at"`
	Dispatches  []StatementLine           `json:"dispatches"`
	Deliveries  []StatementLine           `json:"deliveries"`
	Disputes    []StatementLine           `json:"disputes"`
	Money       []StatementLine           `json:"money"`
	Totals      Totals                    `json:"totals"`
	DepositRule DepositRule               `json:"deposit_rule"`
	Ratings     []RatingView              `json:"ratings"`
	MyRating    *RatingView               `json:"my_rating"`
	CanRate     bool                      `json:"can_rate"`
	Ledger      []money.LedgerTransaction `json:"-"`
}

// StatementLine is one dated line (kind is worded by the page and the sheet;
// the note in both languages: how money or material moved, with its
// references, or what a person wrote, as written).
type StatementLine struct {
	At       time.Time  `json:"at"`
	Kind     string     `json:"kind"`
	Quantity int64      `json:"quantity"`
	Amount   int64      `json:"amount"`
	Note     market.Msg `json:"note"`
}

// Totals are the contract's money, from the ledger.
type Totals struct {
	Accepted        int64 `json:"accepted"`
	Rejected        int64 `json:"rejected"`
	Released        int64 `json:"released"`   // gross paid out of escrow
	Commission      int64 `json:"commission"` // the platform's
	WorkshopNet     int64 `json:"workshop_net"`
	EscrowRefunded  int64 `json:"escrow_refunded"`
	DepositRefunded int64 `json:"deposit_refunded"`
	Compensation    int64 `json:"compensation"`
	PaidIn          int64 `json:"paid_in"`
}

// DepositRule is the deposit computation written out.
type DepositRule struct {
	Received     int64 `json:"received"`
	Returned     int64 `json:"returned"`
	Delivered    int64 `json:"delivered"`
	Missing      int64 `json:"missing"`
	AllowedLoss  int64 `json:"allowed_loss"`
	Chargeable   int64 `json:"chargeable"`
	ValuePerUnit int64 `json:"value_per_unit"`
	DepositHeld  int64 `json:"deposit_held"`
	Deduction    int64 `json:"deduction"`
	Refund       int64 `json:"refund"`
	OwnMaterials bool  `json:"own_materials"`
}

// Statement builds a contract's statement for a party or staff.
func (s *Service) Statement(ctx context.Context, a *market.Actor, id uuid.UUID) (Statement, error) {
	db := s.Store.DB()
	k, pol, err := access.Contract(ctx, db, a, id, s.Now())
	if err != nil {
		return Statement{}, err
	}
	st := Statement{ContractID: k.ID, Title: k.Title, Status: k.Status, Currency: k.Currency, Quantity: k.Quantity, UnitPrice: k.UnitPrice,
		Escrow: k.EscrowAmount, Deposit: k.DepositAmount, DepositKind: k.DepositKind, Waived: k.DepositWaived, Commission: int(k.CommissionBp),
		CreatedAt: k.CreatedAt, SettledAt: k.SettledAt, Dispatches: []StatementLine{}, Deliveries: []StatementLine{}, Disputes: []StatementLine{},
		Money: []StatementLine{}}
	if c, err := db.Org(ctx, k.CompanyID); err == nil {
		st.Company = c.Name
	}
	if w, err := db.Org(ctx, k.WorkshopID); err == nil {
		st.Workshop = w.Name
	}
	if err := s.lines(ctx, db, k, &st); err != nil {
		return st, err
	}
	if st.Ledger, err = s.Money.Ledger(ctx, a, k.ID); err != nil {
		return st, err
	}
	st.Totals = totals(k, st.Ledger)
	st.DepositRule = depositRule(k, st.Totals)
	st.Ratings, st.MyRating, err = s.ratings(ctx, db, a, k)
	st.CanRate = pol.Actions.Rate.Allowed
	return st, err
}

func (s *Service) lines(ctx context.Context, db *store.DB, k store.Contract, st *Statement) error {
	dispatches, err := db.ContractDispatches(ctx, k.ID)
	if err != nil {
		return err
	}
	for _, d := range dispatches {
		st.Dispatches = append(st.Dispatches, StatementLine{At: d.DispatchedAt, Kind: "dispatched", Quantity: d.Quantity,
			Note: market.ShipmentNote(d.Method, d.Carrier, d.TrackingNo, d.Driver)})
		if d.ReceivedAt != nil {
			st.Dispatches = append(st.Dispatches, StatementLine{At: *d.ReceivedAt, Kind: "received", Quantity: *d.ReceivedQuantity, Note: market.Typed(d.ShortfallNote)})
		}
	}
	returns, err := db.ContractReturns(ctx, k.ID)
	if err != nil {
		return err
	}
	for _, r := range returns {
		st.Dispatches = append(st.Dispatches, StatementLine{At: r.CreatedAt, Kind: "returned", Quantity: r.Quantity, Note: market.Typed(r.Note)})
	}
	deliveries, err := db.ContractDeliveries(ctx, k.ID)
	if err != nil {
		return err
	}
	for _, d := range deliveries {
		st.Deliveries = append(st.Deliveries, StatementLine{At: d.SubmittedAt, Kind: "delivered", Quantity: d.Quantity})
		if d.InspectedAt != nil && d.Accepted != nil {
			kind := "inspected"
			if d.InspectedBy == nil {
				kind = "auto_accepted"
			}
			st.Deliveries = append(st.Deliveries,
				StatementLine{At: *d.InspectedAt, Kind: kind + "_accepted", Quantity: *d.Accepted},
				StatementLine{At: *d.InspectedAt, Kind: kind + "_rejected", Quantity: *d.Rejected},
				StatementLine{At: *d.InspectedAt, Kind: kind + "_rework", Quantity: *d.Rework})
		}
	}
	disputes, err := db.ContractDisputes(ctx, k.ID)
	if err != nil {
		return err
	}
	for _, x := range disputes {
		st.Disputes = append(st.Disputes, StatementLine{At: x.OpenedAt, Kind: "disputed", Quantity: x.Units, Note: market.Typed(x.Statement)})
		if x.ResolvedAt != nil && x.DecidedAccepted != nil {
			st.Disputes = append(st.Disputes, StatementLine{At: *x.ResolvedAt, Kind: "decided", Quantity: *x.DecidedAccepted, Note: market.Typed(x.DecisionNote)})
		}
	}
	payments, err := db.ContractPayments(ctx, k.ID)
	if err != nil {
		return err
	}
	for _, p := range payments {
		if p.SettledAt != nil && p.AmountReceived != nil {
			st.Money = append(st.Money, StatementLine{At: *p.SettledAt, Kind: "paid_" + p.Purpose, Amount: *p.AmountReceived,
				Note: market.PaymentNote(p.Provider, p.Reference, p.BankReference)})
		}
	}
	ds, err := db.ContractDisbursements(ctx, k.ID)
	if err != nil {
		return err
	}
	for _, d := range ds {
		at := d.CreatedAt
		if d.SentAt != nil {
			at = *d.SentAt
		}
		var providerRef string
		if d.ProviderRef != nil {
			providerRef = *d.ProviderRef
		}
		note := market.DisbursementNote(d.Provider, providerRef, d.BankReference)
		if d.Status == market.DisbursementReversed { // it went out, then (part of) it came back
			st.Money = append(st.Money, StatementLine{At: at, Kind: d.Kind + "_" + string(market.DisbursementSent), Amount: d.Amount, Note: note})
			at = d.UpdatedAt
		}
		st.Money = append(st.Money, StatementLine{At: at, Kind: d.Kind + "_" + string(d.Status), Amount: amountOf(d), Note: note})
	}
	return nil
}

// amountOf is a disbursement's line amount: what came back, for a reversal.
func amountOf(d store.Disbursement) int64 {
	if d.Status == market.DisbursementReversed {
		return d.AmountReversed
	}
	return d.Amount
}

// totals reads the contract's money from its ledger transactions.
func totals(k store.Contract, ledger []money.LedgerTransaction) Totals {
	t := Totals{Accepted: k.AcceptedUnits, Rejected: k.RejectedUnits}
	for _, tx := range ledger {
		for _, l := range tx.Lines {
			switch {
			case tx.Kind == "release" && l.Account == market.AccEscrow:
				t.Released -= l.Amount
			case tx.Kind == "release" && l.Account == market.AccPlatformCommission:
				t.Commission += l.Amount
			case tx.Kind == "release" && l.Account == market.AccWorkshopPayable:
				t.WorkshopNet += l.Amount
			case tx.Kind == "payment_received" && l.Account == market.AccFundsInTransit:
				t.PaidIn += l.Amount
			case (tx.Kind == "settlement_escrow" || tx.Kind == "held_returned") && l.Account == market.AccEscrow:
				t.EscrowRefunded -= l.Amount
			case (tx.Kind == "settlement_deposit" || tx.Kind == "held_returned") && l.Account == market.AccDeposit:
				t.DepositRefunded -= l.Amount
			case tx.Kind == "settlement_deposit" && l.Account == market.AccMaterialComp:
				t.Compensation += l.Amount
			}
		}
	}
	t.DepositRefunded -= t.Compensation // the deposit leaving the account includes the deduction
	return t
}

func depositRule(k store.Contract, t Totals) DepositRule {
	r := DepositRule{Received: k.ReceivedUnits, Returned: k.ReturnedUnits, Delivered: k.DeliveredUnits, AllowedLoss: k.AllowedLossUnits,
		ValuePerUnit: k.MaterialValuePerUnit, DepositHeld: t.DepositRefunded + t.Compensation, OwnMaterials: k.MaterialSupply == market.SupplyWorkshopSources}
	res, _ := market.Settle(market.SettlementInput{DepositHeld: r.DepositHeld, Received: r.Received, Returned: r.Returned,
		Delivered: r.Delivered, AllowedLossUnits: r.AllowedLoss, MaterialValuePerUnit: r.ValuePerUnit, OwnMaterials: r.OwnMaterials})
	r.Missing, r.Chargeable, r.Deduction, r.Refund = res.MissingUnits, res.ChargeableUnits, t.Compensation, t.DepositRefunded
	return r
}

// LineKinds are every StatementLine.Kind (the page and the sheet word each).
func LineKinds() []string {
	out := []string{"dispatched", "received", "returned", "delivered", "disputed", "decided", "paid_escrow", "paid_deposit"}
	for _, k := range []string{"inspected", "auto_accepted"} {
		out = append(out, k+"_accepted", k+"_rejected", k+"_rework")
	}
	for _, k := range market.DisbursementKinds {
		for _, st := range market.DisbursementStatuses {
			out = append(out, string(k)+"_"+string(st))
		}
	}
	return out
}
