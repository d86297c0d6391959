package market

import "time"

// The rows under a contract — shipments, deliveries, disputes — are seen by
// whoever sees the contract; what may be done with each depends on the
// actor's role in the contract, the contract's state and the row's own.

// DeliveryStatus is where a delivered batch is in its inspection.
type DeliveryStatus string

const (
	DeliverySubmitted    DeliveryStatus = "submitted"     // waiting for inspection
	DeliveryAccepted     DeliveryStatus = "accepted"      // inspected (some pieces may be rejected or sent for rework)
	DeliveryAutoAccepted DeliveryStatus = "auto_accepted" // the inspection window passed in silence
	DeliveryDisputed     DeliveryStatus = "disputed"      // the workshop disputes its rejections
	DeliveryResolved     DeliveryStatus = "resolved"      // staff decided the dispute
)

// DeliveryStatuses lists every delivery status.
var DeliveryStatuses = []DeliveryStatus{DeliverySubmitted, DeliveryAccepted, DeliveryAutoAccepted, DeliveryDisputed, DeliveryResolved}

// DisputeStatus is whether staff have decided a dispute.
type DisputeStatus string

const (
	DisputeOpen     DisputeStatus = "open"
	DisputeResolved DisputeStatus = "resolved"
)

// DisputeStatuses lists every dispute status.
var DisputeStatuses = []DisputeStatus{DisputeOpen, DisputeResolved}

// DispatchCan is what the caller may do with a shipment of material.
type DispatchCan struct {
	Receive Permission `json:"receive"` // the workshop counts it in
}

// DispatchPolicyFor: the workshop counts each shipment in once, while the contract is open.
func DispatchPolicyFor(k ContractPolicy, f ContractFacts, received bool) DispatchCan {
	return DispatchCan{Receive: first(partyOnly(k, RoleWorkshop),
		when(f.Status.IsOpen(), denyEnded),
		when(!received, Deny(CodeState, "这批物料已确认收货", "this shipment was already counted")))}
}

// DeliveryFacts are one delivery's state.
type DeliveryFacts struct {
	Status       DeliveryStatus
	Rejected     int64
	ReworkLeft   int64 // pieces of this delivery out for rework and not yet delivered again
	DisputeDueAt *time.Time
}

// DeliveryCan is what the caller may do with a delivery.
type DeliveryCan struct {
	Inspect       Permission `json:"inspect"`        // the company inspects it
	Dispute       Permission `json:"dispute"`        // the workshop disputes its rejections
	DeliverRework Permission `json:"deliver_rework"` // the workshop delivers its reworked pieces
}

// DeliveryPolicyFor decides what the caller may do with one delivery.
func DeliveryPolicyFor(k ContractPolicy, f ContractFacts, d DeliveryFacts, now time.Time) DeliveryCan {
	open := when(f.Status.IsOpen(), denyEnded)
	return DeliveryCan{
		Inspect: first(partyOnly(k, RoleCompany), open,
			when(d.Status == DeliverySubmitted, Deny(CodeState, "这批交付已验收（或已按期自动验收）",
				"this delivery has been inspected (or accepted when its window ended)"))),
		Dispute: first(partyOnly(k, RoleWorkshop),
			// After settlement the escrow is gone: a dispute could not be paid.
			when(f.Status.IsOpen(), Deny(CodeState, "合同已结算，不能再申诉", "the contract is settled; it can no longer be disputed")),
			when(d.Status == DeliveryAccepted, Deny(CodeState, "只能对已验收、尚未申诉的交付提出申诉",
				"only an inspected delivery not yet disputed can be disputed")),
			when(d.Rejected > 0, Deny(CodeState, "该批交付没有不合格件，无需申诉", "nothing in this delivery was rejected")),
			when(d.DisputeDueAt != nil && !now.After(*d.DisputeDueAt), Deny(CodeState, "申诉期限已过", "the dispute deadline has passed"))),
		DeliverRework: first(partyOnly(k, RoleWorkshop), open,
			when(f.Status.producing(), stateRefusal(f.Status, ContractDeliver)),
			when(d.ReworkLeft > 0, Deny(CodeState, "这批交付没有待返工的件", "nothing of this delivery is out for rework"))),
	}
}

// DisputeCan is what the caller may do with a dispute.
type DisputeCan struct {
	Comment Permission `json:"comment"` // the parties and moderators add evidence
	Resolve Permission `json:"resolve"` // moderators decide
}

// DisputePolicyFor decides what the caller may do with one dispute.
func DisputePolicyFor(k ContractPolicy, status DisputeStatus) DisputeCan {
	open := when(status == DisputeOpen, Deny(CodeState, "该申诉已裁决", "this dispute has been decided"))
	return DisputeCan{
		Comment: first(when(k.Role.Party() || k.Role.Moderates(), Deny(CodeForbidden, "只有合同双方和平台审核人员可以补充说明",
			"only the two parties and platform moderators can comment")), open),
		Resolve: first(when(k.Role.Moderates(), denyStaffOnlyModerate), open),
	}
}

// partyOnly allows only the given party of the contract.
func partyOnly(k ContractPolicy, want Role) Permission {
	if k.Role == want {
		return Allow()
	}
	if want == RoleCompany {
		return denyCompanyOnly
	}
	return denyWorkshopOnly
}
