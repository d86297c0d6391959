package market

// Settlement (DESIGN.md "Money", "Close"): what remains in escrow goes back
// to the company; the deposit goes back to the workshop less only a
// documented material deduction:
//
//	missing   = received − returned − delivered   (pieces' worth of material)
//	deduction = min(deposit, max(0, missing − allowed_loss) × material_value_per_unit)
//
// Delivered counts every piece handed over — accepted, rejected or reworked
// alike: they were all made from the material. Rejecting good pieces never
// touches the deposit (the 手工活 deposit scam); only material that is
// really missing does.

// SettlementInput is what a contract's settlement is computed from.
type SettlementInput struct {
	EscrowHeld           int64 // left in escrow (escrow − released)
	DepositHeld          int64 // paid and still held (0 when waived)
	Received             int64 // material the workshop counted in, in pieces' worth
	Returned             int64 // unused material returned
	Delivered            int64 // pieces delivered (new pieces, not rework re-deliveries)
	AllowedLossUnits     int64
	MaterialValuePerUnit int64 // fen
	// OwnMaterials: the workshop sourced its own material, so there is no
	// platform material to go missing and the deposit comes back whole.
	OwnMaterials bool
}

// Settlement is the outcome, each figure in fen or pieces.
type Settlement struct {
	EscrowRefund    int64 `json:"escrow_refund"`    // to the company
	MissingUnits    int64 `json:"missing_units"`    // material not accounted for
	ChargeableUnits int64 `json:"chargeable_units"` // missing beyond the allowed loss
	Deduction       int64 `json:"deduction"`        // from the deposit, to the company as material compensation
	DepositRefund   int64 `json:"deposit_refund"`   // to the workshop
}

// Settle computes a settlement. Negative inputs are refused (ErrOverflow);
// more returned than received is refused where it is entered (CheckReturn).
func Settle(in SettlementInput) (Settlement, error) {
	for _, v := range []int64{in.EscrowHeld, in.DepositHeld, in.Received, in.Returned, in.Delivered, in.AllowedLossUnits, in.MaterialValuePerUnit} {
		if v < 0 {
			return Settlement{}, ErrOverflow
		}
	}
	s := Settlement{EscrowRefund: in.EscrowHeld}
	if in.OwnMaterials {
		s.DepositRefund = in.DepositHeld
		return s, nil
	}
	s.MissingUnits = max(0, in.Received-in.Returned-in.Delivered)
	s.ChargeableUnits = max(0, s.MissingUnits-in.AllowedLossUnits)
	value, err := MulChecked(s.ChargeableUnits, in.MaterialValuePerUnit)
	if err != nil {
		value = in.DepositHeld // beyond int64 is beyond any deposit
	}
	s.Deduction = min(in.DepositHeld, value)
	s.DepositRefund = in.DepositHeld - s.Deduction
	return s, nil
}

// SettleMovements are the ledger movements of a settlement: unused escrow
// to be refunded; the deposit split into compensation and refund.
func SettleMovements(s Settlement) (escrow, deposit Movement) {
	escrow = Movement{Kind: "settlement_escrow"}
	escrow.add(AccEscrow, -s.EscrowRefund)
	escrow.add(AccRefundsPayable, s.EscrowRefund)
	deposit = Movement{Kind: "settlement_deposit"}
	deposit.add(AccDeposit, -(s.Deduction + s.DepositRefund))
	deposit.add(AccMaterialComp, s.Deduction)
	deposit.add(AccRefundsPayable, s.DepositRefund)
	return escrow, deposit
}
