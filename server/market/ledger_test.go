package market

import (
	"slices"
	"testing"
)

// TestMovementKindsListed: every movement a constructor books has its kind in
// MovementKinds (the API's enum for ledger lines).
func TestMovementKindsListed(t *testing.T) {
	kinds := MovementKinds()
	release, _, _, err := Release(10, 1000, 500)
	if err != nil {
		t.Fatal(err)
	}
	allocated, _ := Allocate(PurposeEscrow, 100, 50)
	escrow, deposit := SettleMovements(Settlement{})
	ms := []Movement{Received(1), allocated, ReturnHeld(1, 1), release, escrow, deposit}
	for _, k := range DisbursementKinds {
		ms = append(ms, Sent(k, 5), Reversed(k, 5))
	}
	for _, m := range ms {
		if !slices.Contains(kinds, m.Kind) {
			t.Errorf("movement kind %q is not in MovementKinds", m.Kind)
		}
	}
}
