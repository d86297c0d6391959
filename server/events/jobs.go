package events

import (
	"github.com/google/uuid"
	"github.com/riverqueue/river"
)

// The job kinds events start. They carry only ids: each worker reads the
// current rows, so retries and reordering are harmless. The workers live in
// server/jobs.

// IndexOrder brings one order up to date in the search index.
type IndexOrder struct {
	OrderID uuid.UUID `json:"order_id"`
	// Force re-writes the document even when the order's version is
	// indexed already: what changed is outside the order row (its company's
	// name, badge or scorecard).
	Force bool `json:"force,omitempty"`
}

func (IndexOrder) Kind() string { return "index_order" }

// Sync jobs are deliberately not River-unique: River's uniqueness also
// matches a job that is running (and stays "running" until its completion
// is flushed a moment later), so a change committed in that window would be
// dropped. The worker instead serialises per order with an advisory lock
// and skips a job whose order version is already indexed: a burst of
// changes still costs one engine write, and no change is ever lost.
func (IndexOrder) InsertOpts() river.InsertOpts { return river.InsertOpts{MaxAttempts: 50} }

// IndexWorkshop brings one organisation up to date in the workshop index.
type IndexWorkshop struct {
	OrgID uuid.UUID `json:"org_id"`
}

func (IndexWorkshop) Kind() string { return "index_workshop" }

// InsertOpts: not River-unique, for the reason given at IndexOrder.
func (IndexWorkshop) InsertOpts() river.InsertOpts { return river.InsertOpts{MaxAttempts: 50} }

// ResyncCompanyOrders re-indexes a company's public orders (its name and
// badge are part of each order's document).
type ResyncCompanyOrders struct {
	CompanyID uuid.UUID `json:"company_id"`
}

func (ResyncCompanyOrders) Kind() string { return "resync_company_orders" }

// MailNotification mails a notification to its organisation's members.
type MailNotification struct {
	NotificationID uuid.UUID `json:"notification_id"`
}

func (MailNotification) Kind() string { return "mail_notification" }

// Mail is retried a few times, then given up: the notification stays in the app.
func (MailNotification) InsertOpts() river.InsertOpts { return river.InsertOpts{MaxAttempts: 8} }

// RowID is the id of the row a sync job brings up to date.
func (j IndexOrder) RowID() uuid.UUID    { return j.OrderID }
func (j IndexWorkshop) RowID() uuid.UUID { return j.OrgID }

// Forced: see IndexOrder.Force; a workshop's sync always writes.
func (j IndexOrder) Forced() bool    { return j.Force }
func (j IndexWorkshop) Forced() bool { return false }

// Provider calls are retried with backoff and the same idempotency key, so
// a retry after a timeout never moves money twice.
const providerAttempts = 25

// CreateCharge creates the provider charge (a Stripe PaymentIntent) of a payment.
type CreateCharge struct {
	PaymentID uuid.UUID `json:"payment_id"`
}

func (CreateCharge) Kind() string { return "create_charge" }
func (CreateCharge) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: providerAttempts}
}

// SendDisbursement sends a payout or refund through the provider.
type SendDisbursement struct {
	DisbursementID uuid.UUID `json:"disbursement_id"`
}

func (SendDisbursement) Kind() string { return "send_disbursement" }
func (SendDisbursement) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: providerAttempts}
}

// ProcessProviderEvent applies a stored webhook event (once).
type ProcessProviderEvent struct {
	EventID string `json:"event_id"`
}

func (ProcessProviderEvent) Kind() string { return "process_provider_event" }
func (ProcessProviderEvent) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: providerAttempts}
}

// InspectionReminder warns both sides a day before a delivery is accepted by silence.
type InspectionReminder struct {
	DeliveryID uuid.UUID `json:"delivery_id"`
}

func (InspectionReminder) Kind() string { return "inspection_reminder" }

// AutoAccept accepts a delivery in full when its inspection window ends
// without an inspection (a no-op if it was inspected).
type AutoAccept struct {
	DeliveryID uuid.UUID `json:"delivery_id"`
}

func (AutoAccept) Kind() string { return "auto_accept" }

// SettleContract settles a contract once nothing is pending (idempotent).
type SettleContract struct {
	ContractID uuid.UUID `json:"contract_id"`
}

func (SettleContract) Kind() string { return "settle_contract" }
