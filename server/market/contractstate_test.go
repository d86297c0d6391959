package market

import (
	"errors"
	"strings"
	"testing"
)

// contractTransitions is the whole contract lifecycle written out: every
// status × action and its outcome ("" = refused).
var contractTransitions = map[ContractStatus]map[ContractAction]ContractStatus{
	ContractAwaitingFunding: {ContractActivate: ContractActive, ContractLapse: ContractLapsed, ContractCancel: ContractCancelled},
	ContractActive: {ContractCancel: ContractCancelled, ContractDispatch: ContractMaterialsSent,
		ContractStart: ContractInProduction},
	ContractMaterialsSent: {ContractCancel: ContractCancelled, ContractDispatch: ContractMaterialsSent,
		ContractStart: ContractInProduction, ContractComplete: ContractSettling},
	ContractInProduction: {ContractDispatch: ContractInProduction, ContractStart: ContractInProduction,
		ContractDeliver: ContractDelivering, ContractComplete: ContractSettling},
	ContractDelivering: {ContractDispatch: ContractDelivering, ContractStart: ContractDelivering,
		ContractDeliver: ContractDelivering, ContractComplete: ContractSettling},
	ContractSettling:  {ContractSettle: ContractSettled},
	ContractSettled:   {},
	ContractLapsed:    {},
	ContractCancelled: {},
}

func TestNextContractStatusEveryCombination(t *testing.T) {
	t.Parallel()
	if len(contractTransitions) != len(ContractStatuses) {
		t.Fatalf("table covers %d statuses, want %d", len(contractTransitions), len(ContractStatuses))
	}
	n := 0
	for _, from := range ContractStatuses {
		for _, act := range ContractActions {
			n++
			want := contractTransitions[from][act]
			got, err := NextContractStatus(from, act)
			if want == "" {
				if ErrorCode(err) != CodeState || got != "" {
					t.Errorf("%s from %s: got %q, %v; want a state error", act, from, got, err)
				} else if e := (*Error)(nil); !errors.As(err, &e) || !strings.Contains(e.Message.ZH, "“"+ContractStatusNameZH(from)+"”") ||
					!strings.Contains(e.Message.EN, string(from)) {
					t.Errorf("%s from %s: message does not name the status: %v", act, from, err)
				}
				continue
			}
			if err != nil || got != want {
				t.Errorf("%s from %s: got %q, %v; want %q", act, from, got, err, want)
			}
		}
	}
	if n != 72 {
		t.Errorf("covered %d combinations, want 9 statuses × 8 actions", n)
	}
	for _, act := range []ContractAction{"pay_now", ""} {
		if _, err := NextContractStatus(ContractActive, act); ErrorCode(err) != CodeState {
			t.Errorf("unknown action %q accepted", act)
		}
	}
}

func TestContractStatusNames(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, s := range ContractStatuses {
		n := ContractStatusNameZH(s)
		if n == string(s) || seen[n] {
			t.Errorf("status %q has no distinct Chinese name", s)
		}
		seen[n] = true
		if s.IsOpen() == (s == ContractSettled || s == ContractLapsed || s == ContractCancelled) {
			t.Errorf("IsOpen(%s) wrong", s)
		}
	}
	for _, a := range ContractActions {
		if contractActionZH[a] == "" {
			t.Errorf("action %q has no Chinese name", a)
		}
	}
}
