package fulfilment

import (
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/uploads"
)

// DispatchView is a shipment of materials and its receipt.
type DispatchView struct {
	ID               uuid.UUID          `json:"id"`
	Seq              int32              `json:"seq"`
	Quantity         int64              `json:"quantity"`
	Method           string             `json:"method"`
	Carrier          string             `json:"carrier"`
	TrackingNo       string             `json:"tracking_no"`
	Driver           string             `json:"driver"`
	DriverPhone      string             `json:"driver_phone"`
	Note             string             `json:"note"`
	DispatchedAt     time.Time          `json:"dispatched_at"`
	ReceivedQuantity *int64             `json:"received_quantity"`
	ShortfallNote    string             `json:"shortfall_note"`
	ReceivedAt       *time.Time         `json:"received_at"`
	Photos           []uploads.View     `json:"photos"`
	Actions          market.DispatchCan `json:"actions"`
}

func dispatchView(d store.Dispatch, photos []uploads.View) DispatchView {
	return DispatchView{ID: d.ID, Seq: d.Seq, Quantity: d.Quantity, Method: d.Method, Carrier: d.Carrier, TrackingNo: d.TrackingNo, Driver: d.Driver, DriverPhone: d.DriverPhone,
		Note: d.Note, DispatchedAt: d.DispatchedAt, ReceivedQuantity: d.ReceivedQuantity, ShortfallNote: d.ShortfallNote,
		ReceivedAt: d.ReceivedAt, Photos: nonNilViews(photos)}
}

// RejectionView is one reason pieces were rejected, with its photos.
type RejectionView struct {
	Reason   string         `json:"reason"`
	Quantity int64          `json:"quantity"`
	Photos   []uploads.View `json:"photos"`
}

// DeliveryView is a batch of finished pieces and its inspection.
type DeliveryView struct {
	ID           uuid.UUID             `json:"id"`
	Seq          int32                 `json:"seq"`
	ReworkOf     *uuid.UUID            `json:"rework_of"`
	Round        int32                 `json:"round"`
	Quantity     int64                 `json:"quantity"`
	Note         string                `json:"note"`
	Status       market.DeliveryStatus `json:"status"`
	SubmittedAt  time.Time             `json:"submitted_at"`
	InspectDueAt time.Time             `json:"inspect_due_at"`
	Accepted     *int64                `json:"accepted"`
	Rejected     *int64                `json:"rejected"`
	Rework       *int64                `json:"rework"`
	ReworkLeft   int64                 `json:"rework_left"`
	InspectedAt  *time.Time            `json:"inspected_at"`
	DisputeDueAt *time.Time            `json:"dispute_due_at"`
	Photos       []uploads.View        `json:"photos"`
	Rejections   []RejectionView       `json:"rejections"`
	Dispute      *DisputeDetail        `json:"dispute"`
	Actions      market.DeliveryCan    `json:"actions"`
}

func deliveryView(d store.Delivery) DeliveryView {
	return DeliveryView{ID: d.ID, Seq: d.Seq, ReworkOf: d.ReworkOf, Round: d.Round, Quantity: d.Quantity, Note: d.Note, Status: market.DeliveryStatus(d.Status),
		SubmittedAt: d.SubmittedAt, InspectDueAt: d.InspectDueAt, Accepted: d.Accepted, Rejected: d.Rejected, Rework: d.Rework,
		ReworkLeft: d.ReworkLeft, InspectedAt: d.InspectedAt, DisputeDueAt: d.DisputeDueAt, Photos: []uploads.View{},
		Rejections: []RejectionView{}}
}

// DisputeDetail is a dispute with its evidence and thread.
type DisputeDetail struct {
	ID              uuid.UUID            `json:"id"`
	DeliveryID      uuid.UUID            `json:"delivery_id"`
	ContractID      uuid.UUID            `json:"contract_id"`
	Units           int64                `json:"units"`
	Statement       string               `json:"statement"`
	Status          market.DisputeStatus `json:"status"`
	OpenedAt        time.Time            `json:"opened_at"`
	DecidedAccepted *int64               `json:"decided_accepted"`
	DecisionNote    string               `json:"decision_note"`
	ResolvedAt      *time.Time           `json:"resolved_at"`
	Photos          []uploads.View       `json:"photos"`
	Comments        []CommentView        `json:"comments"`
	Actions         market.DisputeCan    `json:"actions"`
}

// Quantities are a contract's pieces so far.
type Quantities struct {
	Contract           int64 `json:"contract"`
	Dispatched         int64 `json:"dispatched"`
	Received           int64 `json:"received"`
	Returned           int64 `json:"returned"`
	Delivered          int64 `json:"delivered"`
	Accepted           int64 `json:"accepted"`
	Rejected           int64 `json:"rejected"`
	InRework           int64 `json:"in_rework"`
	Disputed           int64 `json:"disputed"`
	AwaitingInspection int64 `json:"awaiting_inspection"`
	ReleasedAmount     int64 `json:"released_amount"` // fen released from escrow so far (gross)
}

func quantities(k store.Contract) Quantities {
	return Quantities{Contract: k.Quantity, Dispatched: k.DispatchedUnits, Received: k.ReceivedUnits, Returned: k.ReturnedUnits,
		Delivered: k.DeliveredUnits, Accepted: k.AcceptedUnits, Rejected: k.RejectedUnits, InRework: k.ReworkUnits, Disputed: k.DisputedUnits,
		AwaitingInspection: k.DeliveredUnits - k.AcceptedUnits - k.RejectedUnits - k.ReworkUnits, ReleasedAmount: k.ReleasedAmount}
}

// Contact is who to call on the other side (shown to both parties after the award).
type Contact struct {
	OrgName string `json:"org_name"`
	Name    string `json:"name"`
	Phone   string `json:"phone"`
}

// Event is one line of a contract's history; the UI words it by kind.
type Event struct {
	At       time.Time   `json:"at"`
	Kind     string      `json:"kind"` // awarded, paid, active, dispatched, received, returned, delivered, inspected, auto_accepted, disputed, resolved, ended
	By       string      `json:"by"`   // company, workshop, staff or system
	Quantity int64       `json:"quantity"`
	Amount   int64       `json:"amount"`
	Ref      *uuid.UUID  `json:"ref"`           // the dispatch, delivery, dispute or payment
	Note     string      `json:"note"`          // as a person wrote it
	Why      *market.Msg `json:"why,omitempty"` // why the contract ended, in both languages
}

// Timeline is the contract page's fulfilment part: what happened, what the
// caller may do now and what comes next (the contract's policy), the
// quantities so far, and the evidence.
type Timeline struct {
	Status     market.ContractStatus `json:"status"`
	Stage      market.ContractStage  `json:"stage"`
	Role       market.Role           `json:"role"`
	Actions    market.ContractCan    `json:"actions"`
	Limits     market.ContractLimits `json:"limits"`
	Next       market.NextStep       `json:"next"`
	Quantities Quantities            `json:"quantities"`
	Company    Contact               `json:"company"`
	Workshop   Contact               `json:"workshop"`
	Dispatches []DispatchView        `json:"dispatches"`
	Deliveries []DeliveryView        `json:"deliveries"`
	Events     []Event               `json:"events"`
}

// EventKinds are every Event.Kind the history writes.
var EventKinds = []string{"awarded", "paid_escrow", "paid_deposit", "active", "dispatched", "received", "returned",
	"delivered", "inspected", "auto_accepted", "disputed", "resolved", "ended_lapsed", "ended_cancelled", "ended_settled"}
