package api

import (
	"reflect"
	"slices"

	"doorstep/search"

	"doorstep/server/accounts"
	"doorstep/server/fulfilment"
	"doorstep/server/market"
	"doorstep/server/payments"
	"doorstep/server/settlement"
	"doorstep/server/workshopops"
)

// The closed value sets the OpenAPI document publishes. Every list is taken
// from the package that enforces it, so a new status or code reaches the
// document (and the generated TypeScript types) by itself.

// strs turns a list of string-like values into enum values.
func strs[T ~string](vals ...T) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// sortedKeys is for the sets kept as maps (lookups) by the handlers.
func sortedKeys(m map[string]bool) []any {
	var keys []string
	for k := range m {
		if k != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return strs(keys...)
}

var (
	orderStatuses    = strs(market.OrderStatuses...)
	bidStatuses      = strs(market.BidStatuses...)
	contractStatuses = strs(market.ContractStatuses...)
	orgKinds         = strs(market.KindCompany, market.KindWorkshop)
	orgRoles         = strs(market.RoleOwner, market.RoleMember)
	staffRoles       = strs(market.StaffRoles...)
	depositKindEnum  = strs(search.DepositKinds()...)
	supplies         = strs(market.SupplyCompanyShips, market.SupplyWorkshopPicksUp, market.SupplyWorkshopSources)
	reportStatuses   = strs("open", "dismissed", "upheld")
	// An order's history also records its creation, and system/staff/company actors.
	orderEventActions = append(strs("create"), strs(market.OrderActions...)...)
)

// typeEnums apply wherever a Go type appears.
var typeEnums = map[reflect.Type][]any{
	reflect.TypeFor[market.Code]():               strs(market.Codes...),
	reflect.TypeFor[market.Role]():               strs(market.Roles...),
	reflect.TypeFor[market.ContractStatus]():     strs(market.ContractStatuses...),
	reflect.TypeFor[market.ContractStage]():      strs(market.ContractStages...),
	reflect.TypeFor[market.DeliveryStatus]():     strs(market.DeliveryStatuses...),
	reflect.TypeFor[market.DisputeStatus]():      strs(market.DisputeStatuses...),
	reflect.TypeFor[market.PaymentStatus]():      strs(market.PaymentStatuses...),
	reflect.TypeFor[market.DisbursementStatus](): strs(market.DisbursementStatuses...),
	reflect.TypeFor[market.ImpactHidden]():       strs(market.ImpactHiddenReasons...),
	reflect.TypeFor[market.DocumentKind]():       strs(market.DocumentKinds...),
}

// schemaNames renames components whose Go names are unexported.
var schemaNames = map[reflect.Type]string{
	reflect.TypeFor[errorBody]():    "ErrorBody",
	reflect.TypeFor[errorPayload](): "ErrorDetail",
}

// fieldEnums are keyed "Component.json_field" (the struct that declares the
// field) or, for query parameters, "RequestType.param".
var fieldEnums = map[string][]any{
	"OrderView.status":             orderStatuses,
	"OrderView.close_reason":       strs(market.CloseAwarded, market.CloseCancelled, market.CloseExpired),
	"OrderEventView.actor_kind":    strs("company", "staff", "system"),
	"OrderEventView.action":        orderEventActions,
	"OrderEventView.from_status":   append(strs(""), orderStatuses...), // "" for the creation
	"OrderEventView.to_status":     orderStatuses,
	"BidView.status":               bidStatuses,
	"BidView.order_status":         orderStatuses,
	"BidInvitationView.bid_status": bidStatuses,
	"NextStep.step":                strs(market.NextSteps...),
	"NextStep.who":                 strs(market.NextWho...),
	"NextStep.action":              strs(market.NextActions...),
	"OpenPayment.provider":         strs(payments.Stripe, payments.Manual),
	"ReportView.status":            reportStatuses,
	"ReportView.reason":            strs(market.ReportReasons...),
	"ReportView.order_status":      orderStatuses,
	"ReasonCount.reason":           strs(market.ReportReasons...),
	"ReportGroup.top_reason":       strs(market.ReportReasons...),
	"ReportGroup.order_status":     orderStatuses,
	"ReportRequest.reason":         strs(market.ReportReasons...),
	"ResolveReportRequest.status":  strs("dismissed", "upheld"),
	"MemberView.role":              orgRoles,
	"InvitationView.role":          orgRoles,
	"InvitationInfo.role":          orgRoles,
	"InviteRequest.role":           orgRoles,
	"AuthResponse.role":            append(slices.Clone(orgRoles), staffRoles...),
	"MeResponse.role":              append(slices.Clone(orgRoles), staffRoles...),
	"UserView.staff_role":          staffRoles,
	"OrgView.kind":                 orgKinds,
	"Profile.kind":                 orgKinds,
	"OrgInput.kind":                orgKinds,
	"DepositTerms.kind":            depositKindEnum,
	"BidDeposit.kind":              depositKindEnum,
	"OrderDoc.deposit_kind":        depositKindEnum,
	"MaterialTerms.supply":         supplies,
	"Accepted.status":              strs("accepted"),
	"AuditView.action":             strs(accounts.AuditActions...),
	"AuditView.target_type":        strs("org", "order", "report", "payment", "disbursement", "contract", "dispute", "synonym_group"),
	"AuditRequest.action":          strs(accounts.AuditActions...),
	"PaymentView.purpose":          strs(market.PurposeEscrow, market.PurposeDeposit),
	"PaymentView.provider":         strs(payments.Stripe, payments.Manual),
	"DisbursementView.kind":        strs(market.DisbursePayout, market.DisburseRefund, market.DisburseCompensation),
	"DisbursementView.provider":    strs(payments.Stripe, payments.Manual),
	"FinanceListRequest.status":    append(strs(market.PaymentStatuses...), strs(market.DisbursementStatuses...)...),
	"DisputesRequest.status":       strs(market.DisputeStatuses...),
	"DispatchInput.method":         strs(market.DispatchMethods...),
	"DispatchView.method":          strs(market.DispatchMethods...),
	"Event.by":                     strs("company", "workshop", "staff", "system"),
	"RatingView.by":                strs("company", "workshop"),
	"DistributionView.status":      strs(workshopops.DistributionStatuses...),
	"DistributionLine.paid_method": append(strs(""), strs(market.PaidMethods...)...),
	"MarkPaidRequest.method":       strs(market.PaidMethods...),
	"TagConsent.tag":               strs(market.ResidentTagCodes()...),
	"ResidentRequest.tags":         strs(market.ResidentTagCodes()...),
	"Event.kind":                   strs(fulfilment.EventKinds...),
	"Statement.status":             contractStatuses,
	"Statement.deposit_kind":       depositKindEnum,
	"StatementLine.kind":           strs(settlement.LineKinds()...),
	"LedgerTransaction.kind":       strs(market.MovementKinds()...),

	// query parameters
	"ListOrdersRequest.status":          orderStatuses,
	"ModerationQueueRequest.status":     orderStatuses,
	"ListBidsRequest.status":            bidStatuses,
	"OrderBidsRequest.status":           bidStatuses,
	"ListContractsRequest.status":       contractStatuses,
	"ListReportsRequest.status":         reportStatuses,
	"ListOrgsRequest.kind":              orgKinds,
	"ListOrgsRequest.verified":          strs("true", "false"),
	"SearchOrdersRequest.sort":          strs(search.OrderSorts()...),
	"SearchOrdersRequest.deposit":       depositKindEnum,
	"SearchWorkshopsRequest.sort":       strs(search.WorkshopSorts()...),
	"SearchWorkshopsRequest.verified":   strs("1", "0", "true", "false"),
	"SearchWorkshopsRequest.guaranteed": strs("1", "0", "true", "false"),
}

// queryTypes give hand-parsed query parameters (strings in Go) the type the
// handler accepts.
var queryTypes = map[string]map[string]any{
	"page":            {"type": "integer", "minimum": 1},
	"per_page":        {"type": "integer", "minimum": 1},
	"price_min":       {"type": "integer", "format": "int64", "minimum": 0, "description": "fen per piece"},
	"price_max":       {"type": "integer", "format": "int64", "minimum": 0, "description": "fen per piece"},
	"min_capacity":    {"type": "integer", "minimum": 0, "description": "pieces a week"},
	"radius_km":       {"type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": 1000},
	"near":            {"type": "string", "pattern": `^-?\d+(\.\d+)?,-?\d+(\.\d+)?$`, "description": "lat,lng"},
	"deadline_before": {"type": "string", "description": "a day (2026-12-31, China time) or an RFC 3339 time"},
	"region":          {"type": "string", "pattern": `^\d{6}$`, "description": "administrative division code at any level"},
	"craft":           {"type": "string", "description": "craft codes, comma-separated (any of them)"},
	// scorecard bounds (search/scores.go): a rate or rating bound leaves out
	// whoever has fewer than 3 settled contracts, whose figure is null
	"company_rejection_max": {"type": "number", "minimum": 0, "maximum": 100, "description": "the company's rejection rate at most, percent; companies with fewer than 3 settled contracts are left out"},
	"company_on_time_min":   {"type": "number", "minimum": 0, "maximum": 100, "description": "the company's escrow funded on time at least, percent; companies with fewer than 3 settled contracts are left out"},
	"company_rating_min":    {"type": "number", "minimum": 1, "maximum": 5, "description": "the company's average rating at least; companies with fewer than 3 settled contracts are left out"},
	"company_settled_min":   {"type": "integer", "minimum": 0, "description": "the company's settled contracts at least"},
	"completed_min":         {"type": "integer", "minimum": 0, "description": "contracts completed at least"},
	"on_time_min":           {"type": "number", "minimum": 0, "maximum": 100, "description": "on-time delivery rate at least, percent; workshops with fewer than 3 completed contracts are left out"},
	"acceptance_min":        {"type": "number", "minimum": 0, "maximum": 100, "description": "acceptance rate at least, percent; workshops with fewer than 3 completed contracts are left out"},
	"rating_min":            {"type": "number", "minimum": 1, "maximum": 5, "description": "average rating at least; workshops with fewer than 3 completed contracts are left out"},
	"from":                  {"type": "string", "format": "date", "description": "first day, China time"},
	"to":                    {"type": "string", "format": "date", "description": "last day (inclusive), China time"},
}

// Request fields the required rule gets wrong: optional text the handler
// defaults, and pointers the handler insists on.
var (
	optionalFields = map[string]bool{
		"ReasonRequest.reason": true, "VerifyRequest.note": true, "GuaranteeRequest.note": true,
		"BidInviteRequest.message": true, "ReportRequest.detail": true, "ResolveReportRequest.note": true,
		"InviteRequest.role": true, "BidInput.message": true, "Approval.reason": true,
	}
	requiredFields = map[string]bool{"VerifyRequest.verified": true, "GuaranteeRequest.community_guarantee": true}
)
