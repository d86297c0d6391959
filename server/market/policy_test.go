package market

import (
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// The policies are tested as tables: for each state of a row, which roles
// may take each action. Letters: C company, W workshop, M moderator,
// F finance, A admin, S a stranger (another organisation), N anonymous.
// Every action a row does not list is refused to everyone.

var (
	companyID, workshopID, strangerID = uuid.New(), uuid.New(), uuid.New()
	testNow                           = time.Date(2026, 12, 7, 10, 0, 0, 0, ChinaTime)
)

func actorFor(letter byte) *Actor {
	switch letter {
	case 'C':
		return &Actor{User: User{ID: uuid.New()}, OrgID: companyID, OrgKind: KindCompany}
	case 'W':
		return &Actor{User: User{ID: uuid.New()}, OrgID: workshopID, OrgKind: KindWorkshop}
	case 'M':
		return &Actor{User: User{ID: uuid.New(), StaffRole: StaffModerator}}
	case 'F':
		return &Actor{User: User{ID: uuid.New(), StaffRole: StaffFinance}}
	case 'A':
		return &Actor{User: User{ID: uuid.New(), StaffRole: StaffAdmin}}
	case 'S':
		return &Actor{User: User{ID: uuid.New()}, OrgID: strangerID, OrgKind: KindWorkshop}
	}
	return nil
}

const letters = "CWMFASN"

// allowedActions lists the json names of the allowed permissions of a *Can struct.
func allowedActions(can any) map[string]bool {
	out := map[string]bool{}
	v := reflect.ValueOf(can)
	for i := 0; i < v.NumField(); i++ {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		p := v.Field(i).Interface().(Permission)
		if p.Allowed {
			out[name] = true
		} else if p.Reason == nil {
			panic("refusal without a reason: " + name)
		}
	}
	return out
}

// checkTable compares, for every role letter, the allowed actions with want
// ("fund:C pay_deposit:W"), and the visible roles with visible.
func checkTable(t *testing.T, name, want, visible string, eval func(letter byte) (Role, any)) {
	t.Helper()
	expect := map[byte]map[string]bool{}
	for _, f := range strings.Fields(want) {
		act, who, _ := strings.Cut(f, ":")
		for i := range len(who) {
			if expect[who[i]] == nil {
				expect[who[i]] = map[string]bool{}
			}
			expect[who[i]][act] = true
		}
	}
	for i := range len(letters) {
		l := letters[i]
		role, can := eval(l)
		if role.Visible() != strings.ContainsRune(visible, rune(l)) {
			t.Errorf("%s: %c sees it = %v, want %v", name, l, role.Visible(), !role.Visible())
		}
		got := allowedActions(can)
		if !reflect.DeepEqual(keys(got), keys(expect[l])) {
			t.Errorf("%s: %c may %v, want %v", name, l, keys(got), keys(expect[l]))
		}
	}
}

func keys(m map[string]bool) []string {
	out := []string{}
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func baseContract(st ContractStatus) ContractFacts {
	return ContractFacts{ID: uuid.New(), CompanyID: companyID, WorkshopID: workshopID, Status: st, Quantity: 100, AllowedLoss: 2,
		FundingDueAt: testNow.Add(72 * time.Hour), DueDate: testNow.Add(30 * 24 * time.Hour),
		Escrow: FundingFacts{Required: 50_000}, Deposit: FundingFacts{Required: 8_000}}
}

func TestContractPolicyTable(t *testing.T) {
	t.Parallel()
	past, future := testNow.Add(-time.Hour), testNow.Add(48*time.Hour)
	other := workshopID
	funded := func(f *ContractFacts) { f.Escrow.Held, f.Deposit.Held = f.Escrow.Required, f.Deposit.Required }
	cases := []struct {
		name   string
		status ContractStatus
		set    func(*ContractFacts)
		want   string
	}{
		{"nothing paid", ContractAwaitingFunding, nil,
			"fund:C pay_deposit:W request_cancel:CW decide_cancel:MA post_message:CWMFA view_money:CWMFA"},
		{"escrow transfer started", ContractAwaitingFunding, func(f *ContractFacts) {
			f.Escrow.Open = &OpenPayment{Provider: "manual", Reference: "DS-1", Amount: 50_000}
		}, "pay_deposit:W request_cancel:CW decide_cancel:MA post_message:CWMFA view_money:CWMFA"},
		{"deposit waived, escrow held", ContractAwaitingFunding, func(f *ContractFacts) {
			f.Deposit.Required, f.Escrow.Held = 0, 50_000
		}, "request_cancel:CW decide_cancel:MA post_message:CWMFA view_money:CWMFA"},
		{"part of the deposit paid", ContractAwaitingFunding, func(f *ContractFacts) {
			f.Escrow.Held, f.Deposit.Held = 50_000, 7_000
		}, "pay_deposit:W request_cancel:CW decide_cancel:MA post_message:CWMFA view_money:CWMFA"},
		{"workshop asked to cancel", ContractAwaitingFunding, func(f *ContractFacts) { f.CancelRequestedBy = &other },
			"fund:C pay_deposit:W agree_cancel:C decide_cancel:MA post_message:CWMFA view_money:CWMFA"},
		{"active, company ships", ContractActive, funded,
			"request_cancel:CW decide_cancel:MA dispatch:C post_message:CWMFA view_money:CWMFA record_pieces:W distribute:W"},
		{"active, own materials", ContractActive, func(f *ContractFacts) { funded(f); f.OwnMaterials = true },
			"request_cancel:CW decide_cancel:MA deliver:W post_message:CWMFA view_money:CWMFA record_pieces:W distribute:W"},
		{"material sent, not counted", ContractMaterialsSent, func(f *ContractFacts) { funded(f); f.Dispatched, f.UnreceivedSends = 102, 1 },
			"request_cancel:CW decide_cancel:MA post_message:CWMFA view_money:CWMFA record_pieces:W distribute:W"},
		{"producing, material left", ContractInProduction, func(f *ContractFacts) { funded(f); f.Dispatched, f.Received = 60, 60 },
			"dispatch:C return:W deliver:W end_short:C post_message:CWMFA view_money:CWMFA record_pieces:W distribute:W"},
		{"delivering, material used up", ContractDelivering, func(f *ContractFacts) {
			funded(f)
			f.Dispatched, f.Received, f.Delivered, f.Accepted = 102, 50, 52, 52
		}, "end_short:C post_message:CWMFA view_money:CWMFA record_pieces:W distribute:W"},
		{"delivering, waiting for inspection", ContractDelivering, func(f *ContractFacts) {
			funded(f)
			f.Dispatched, f.Received, f.Delivered, f.AwaitingInspection = 102, 102, 40, 40
		}, "return:W deliver:W post_message:CWMFA view_money:CWMFA record_pieces:W distribute:W"},
		{"settling, dispute window open", ContractSettling, func(f *ContractFacts) {
			funded(f)
			f.Dispatched, f.Received, f.Delivered, f.Accepted, f.Rejected, f.DisputeWindowEnd = 102, 102, 100, 90, 10, &future
		}, "return:W post_message:CWMFA view_money:CWMFA record_pieces:W distribute:W"},
		{"settling, windows closed", ContractSettling, func(f *ContractFacts) {
			funded(f)
			f.Delivered, f.Accepted, f.Rejected, f.DisputeWindowEnd = 100, 90, 10, &past
		}, "settle:FA post_message:CWMFA view_money:CWMFA record_pieces:W distribute:W"},
		{"settled", ContractSettled, func(f *ContractFacts) { f.Received, f.Delivered, f.Accepted = 102, 100, 100 },
			"rate:CW post_message:CWMFA view_money:CWMFA record_pieces:W distribute:W"},
		{"settled, company rated", ContractSettled, func(f *ContractFacts) { f.CompanyRated = true },
			"rate:W post_message:CWMFA view_money:CWMFA record_pieces:W distribute:W"},
		{"cancelled", ContractCancelled, nil, "post_message:CWMFA view_money:CWMFA"},
		{"lapsed", ContractLapsed, nil, "post_message:CWMFA view_money:CWMFA"},
	}
	for _, c := range cases {
		f := baseContract(c.status)
		if c.set != nil {
			c.set(&f)
		}
		checkTable(t, c.name, c.want, "CWMFA", func(l byte) (Role, any) {
			p := ContractPolicyFor(actorFor(l), f, testNow)
			return p.Role, p.Actions
		})
	}
}

func TestContractRefusalsExplain(t *testing.T) {
	t.Parallel()
	f := baseContract(ContractInProduction)
	f.Received, f.Dispatched, f.Delivered = 30, 30, 32
	p := ContractPolicyFor(actorFor('W'), f, testNow)
	if p.Limits.Deliverable != 0 || p.Limits.DeliverableByContract != 68 {
		t.Fatalf("limits %+v", p.Limits)
	}
	if err := p.Actions.Deliver.Err(); ErrorCode(err) != CodeState || !strings.Contains(err.(*Error).Message.ZH, "补发物料") {
		t.Fatalf("deliver refusal %v", err)
	}
	if err := p.Actions.Dispatch.Err(); ErrorCode(err) != CodeForbidden {
		t.Fatalf("a workshop dispatching: %v", err)
	}
	if err := ContractPolicyFor(actorFor('S'), f, testNow).VisibleErr(); ErrorCode(err) != CodeNotFound {
		t.Fatalf("a stranger: %v", err)
	}
}

func TestFormatting(t *testing.T) {
	t.Parallel()
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 3995: "3,995", -1234567: "-1,234,567"} {
		if got := FormatCount(n); got != want {
			t.Errorf("FormatCount(%d) = %s", n, got)
		}
	}
	for fen, want := range map[int64]string{360000: "¥3,600.00", 5: "¥0.05", -5: "-¥0.05", 123456789: "¥1,234,567.89"} {
		if got := FormatFen(fen); got != want {
			t.Errorf("FormatFen(%d) = %s", fen, got)
		}
	}
	at := time.Date(2026, 12, 15, 1, 30, 0, 0, time.UTC) // 09:30 in China
	if got := FormatDate(at, "zh", true); got != "2026/12/15 09:30" {
		t.Errorf("zh %s", got)
	}
	if got := FormatDate(at, "en", false); got != "15/12/2026" {
		t.Errorf("en %s", got)
	}
}

func TestReportChoices(t *testing.T) {
	t.Parallel()
	cases := []struct {
		st             OrderStatus
		auto           bool
		may, suggested bool
	}{
		{OrderPublished, false, true, true},
		{OrderSuspended, true, true, true},   // taken down by the reports: staff confirm it
		{OrderSuspended, false, true, false}, // staff already took it down
		{OrderClosed, false, false, false},
		{OrderDraft, false, false, false},
	}
	for _, c := range cases {
		got := ReportChoicesFor(c.st, c.auto)
		if got.SuspendOrder.Allowed != c.may || got.SuspendSuggested != c.suggested {
			t.Errorf("%s auto=%v: %+v", c.st, c.auto, got)
		}
	}
}
