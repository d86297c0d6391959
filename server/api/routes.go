package api

import (
	"net/http"
	"reflect"

	"github.com/gofiber/fiber/v2"

	"doorstep/server/market"
)

// access is who may call a route. Finer checks (is this my organisation?)
// happen in the handler, which answers 404 for other organisations' data.
type access int

const (
	public    access = iota // anyone
	signedIn                // any signed-in user
	staff                   // platform staff (any staff role)
	admin                   // platform admins
	finance                 // finance staff (and admins): money
	moderator               // moderators (and admins): orders, organisations, reports, disputes
)

func (a access) String() string {
	return [...]string{"public", "signed_in", "staff", "admin", "finance", "moderator"}[a]
}

// Route is one row of the route table; Req and Resp feed the OpenAPI document.
type Route struct {
	Method, Path string
	Access       access
	Status       int
	Summary      string
	Req, Resp    reflect.Type
	// Revalidated: the handler sends an ETag, and If-None-Match may get 304.
	Revalidated bool
	handler     fiber.Handler
}

// revalidated marks a route whose answers carry an ETag (see adapt).
func (r Route) revalidated() Route { r.Revalidated = true; return r }

func ep[Req, Resp any](s *Server, method, path string, acc access, status int, summary string, h Handler[Req, Resp]) Route {
	return Route{Method: method, Path: path, Access: acc, Status: status, Summary: summary,
		Req: reflect.TypeFor[Req](), Resp: reflect.TypeFor[Resp](), handler: adapt(s, status, h)}
}

const v1 = "/api/v1"

// Routes is THE route table: read it top to bottom to know the API and who may call what.
func (s *Server) Routes() []Route {
	const get, post, patch, put = http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodPut
	const ok, created, accepted, none = http.StatusOK, http.StatusCreated, http.StatusAccepted, http.StatusNoContent
	return []Route{
		ep(s, post, v1+"/auth/register", public, created, "Register a user with a new company or workshop", s.register),
		ep(s, post, v1+"/auth/login", public, ok, "Sign in; sets the session cookie and returns a bearer token", s.login),
		ep(s, post, v1+"/auth/logout", public, none, "Sign out (revokes the session)", s.logout),
		ep(s, post, v1+"/auth/password-reset", public, accepted, "Mail a one-time password reset link", s.requestPasswordReset),
		ep(s, post, v1+"/auth/password-reset/confirm", public, none, "Set a new password with a reset token", s.confirmPasswordReset),

		ep(s, get, v1+"/me", signedIn, ok, "The signed-in user, organisation and role", s.me),
		ep(s, patch, v1+"/me", signedIn, ok, "Edit my name and phone", s.updateMe),
		ep(s, post, v1+"/me/password", signedIn, none, "Change my password (other sessions are signed out)", s.changePassword),

		ep(s, get, v1+"/orgs", staff, ok, "List organisations (staff)", s.listOrgs),
		ep(s, get, v1+"/orgs/:id", signedIn, ok, "An organisation (its members and staff)", s.getOrg),
		ep(s, patch, v1+"/orgs/:id", signedIn, ok, "Edit an organisation (owners)", s.updateOrg),
		ep(s, get, v1+"/orgs/:id/members", signedIn, ok, "Members of an organisation", s.listMembers),
		ep(s, post, v1+"/orgs/:id/invitations", signedIn, created, "Invite a member by email (owners)", s.invite),
		ep(s, get, v1+"/orgs/:id/documents", signedIn, ok, "An organisation's business licence and community letter of guarantee (its members, moderators and admins)", s.getDocuments),
		ep(s, put, v1+"/orgs/:id/documents", signedIn, ok, "Replace one of the organisation's documents with uploaded photos (owners)", s.setDocument),
		ep(s, post, v1+"/orgs/:id/verify", moderator, ok, "Set or clear the verified badge (staff)", s.verifyOrg),
		ep(s, post, v1+"/orgs/:id/guarantee", moderator, ok, "Set or clear a workshop's community guarantee (staff)", s.setGuarantee),
		ep(s, get, v1+"/invitations/:token", public, ok, "Look up an invitation", s.getInvitation),
		ep(s, post, v1+"/invitations/accept", public, created, "Accept an invitation and create the account", s.acceptInvitation),

		ep(s, get, v1+"/audit", admin, ok, "The staff audit log (admins)", s.listAudit),

		ep(s, post, v1+"/orders", signedIn, created, "Create a draft order (verified companies)", s.createOrder),
		ep(s, post, v1+"/orders/preview", signedIn, ok, "Compute totals, deposits and fair pay for order terms without saving", s.previewOrder),
		ep(s, get, v1+"/orders", signedIn, ok, "My company's orders by status", s.listOrders),
		ep(s, get, v1+"/orders/:id", public, ok, "An order: public when published, else its company and staff", s.getOrder),
		ep(s, patch, v1+"/orders/:id", signedIn, ok, "Edit an order's terms (a published order goes back to review)", s.updateOrder),
		ep(s, post, v1+"/orders/:id/submit", signedIn, ok, "Submit an order for review", s.submitOrder),
		ep(s, post, v1+"/orders/:id/cancel", signedIn, ok, "Cancel an order while no bid is accepted", s.cancelOrder),
		ep(s, get, v1+"/search/orders", public, ok, "Search published orders (text, craft, region, price, deadline, deposit, distance); q: the first 10 words count; total above 10,000 is 10,000 with total_exact false; match partial when no order has every word", s.searchOrders),
		ep(s, get, v1+"/search/workshops", public, ok, "Search workshops (craft, region, capacity, distance); q: the first 10 words count; total above 10,000 is 10,000 with total_exact false; match partial when no workshop has every word", s.searchWorkshops),
		ep(s, get, v1+"/synonyms", staff, ok, "Search synonyms: the built-in groups and staff's (staff)", s.listSynonyms),
		ep(s, post, v1+"/synonyms", staff, created, "Add a search synonym group; both engines use it within a minute (staff)", s.createSynonyms),
		ep(s, patch, v1+"/synonyms/:id", staff, ok, "Edit a staff search synonym group (staff)", s.updateSynonyms),
		ep(s, http.MethodDelete, v1+"/synonyms/:id", staff, none, "Delete a staff search synonym group (staff)", s.deleteSynonyms),
		ep(s, post, v1+"/orders/:id/reports", signedIn, created, "Report a published order", s.reportOrder),
		ep(s, post, v1+"/orders/:id/bids/preview", signedIn, ok, "Deposit, total and fair pay for a bid being written (workshops)", s.previewBid),
		ep(s, post, v1+"/orders/:id/bids", signedIn, created, "Bid for all or part of a published order (workshops)", s.createBid),
		ep(s, get, v1+"/orders/:id/bids", signedIn, ok, "Compare the bids on an order (its company and staff)", s.listOrderBids),
		ep(s, post, v1+"/orders/:id/invitations", signedIn, created, "Invite a workshop to bid (the order's company)", s.inviteWorkshop),
		ep(s, get, v1+"/orders/:id/invitations", signedIn, ok, "Workshops invited to an order (its company and staff)", s.listInvitations),
		ep(s, get, v1+"/bids", signedIn, ok, "Bids I may see: a workshop's own, those on a company's orders, all for staff", s.listBids),
		ep(s, get, v1+"/bids/:id", signedIn, ok, "A bid with its revisions (the workshop, the order's company, staff)", s.getBid),
		ep(s, patch, v1+"/bids/:id", signedIn, ok, "Revise an open bid (the workshop)", s.reviseBid),
		ep(s, post, v1+"/bids/:id/withdraw", signedIn, ok, "Withdraw an open bid (the workshop)", s.withdrawBid),
		ep(s, post, v1+"/bids/:id/reject", signedIn, ok, "Reject a bid with a reason (the order's company)", s.rejectBid),
		ep(s, post, v1+"/bids/:id/accept", signedIn, created, "Award a bid: creates the contract with frozen terms (the order's company)", s.acceptBid),
		ep(s, get, v1+"/contracts", signedIn, ok, "My organisation's contracts (all for staff)", s.listContracts),
		ep(s, get, v1+"/contracts/:id", signedIn, ok, "A contract with its frozen terms (both parties and staff)", s.getContract),
		ep(s, post, v1+"/contracts/:id/fund", signedIn, created, "Fund a contract's escrow (its company): a payment for what is still owed", s.fundContract),
		ep(s, post, v1+"/contracts/:id/deposit", signedIn, created, "Pay a contract's deposit (its workshop), unless waived", s.payDeposit),
		ep(s, post, v1+"/contracts/:id/cancel", signedIn, ok, "Ask to cancel a contract before production, or agree to the other party's request (staff: decide)", s.cancelContract),
		ep(s, get, v1+"/contracts/:id/payments", signedIn, ok, "A contract's money: payments in, money held, payouts and refunds (both parties and staff)", s.contractPayments),
		ep(s, get, v1+"/contracts/:id/ledger", signedIn, ok, "A contract's ledger transactions, each with its lines and whether they balance", s.contractLedger),
		ep(s, get, v1+"/payments/:id", signedIn, ok, "A payment (the parties and staff); the payer gets the card client secret once it exists", s.getPayment),
		ep(s, post, v1+"/payments/:id/receipt", signedIn, ok, "Attach a note about a bank transfer to a pending payment (its payer)", s.attachReceipt),
		ep(s, post, v1+"/payments/:id/simulate", finance, accepted, "Send a signed test event for a pending card payment through the webhook (Stripe test mode)", s.simulatePayment),
		ep(s, post, v1+"/payments/stripe/webhook", public, ok, "Stripe webhook: verified over the raw body, stored once by event id, processed by a job", s.stripeWebhook),
		ep(s, get, v1+"/finance/payments", finance, ok, "Payments in by status: bank transfers to match (finance)", s.financePayments),
		ep(s, post, v1+"/finance/payments/:id/confirm", finance, ok, "Record a bank transfer that arrived, with the amount actually received (finance)", s.confirmPayment),
		ep(s, get, v1+"/finance/disbursements", finance, ok, "Payouts and refunds by status: those to send by hand (finance)", s.financeDisbursements),
		ep(s, post, v1+"/finance/disbursements/:id/sent", finance, ok, "Record a payout or refund sent from the bank (finance)", s.markDisbursementSent),
		ep(s, get, v1+"/orgs/:id/payout-account", signedIn, ok, "Where an organisation is paid (masked except to its owners and finance)", s.getPayoutAccount),
		ep(s, put, v1+"/orgs/:id/payout-account", signedIn, ok, "Set the bank account payouts and refunds go to (owners)", s.putPayoutAccount),
		ep(s, post, v1+"/orgs/:id/payout-account/stripe-link", signedIn, ok, "Connect a Stripe account and get its onboarding link (owners; Stripe only)", s.stripeOnboarding),
		ep(s, get, v1+"/contracts/:id/timeline", signedIn, ok, "A contract's fulfilment: history, who acts next and by when, quantities, evidence", s.timeline),
		ep(s, post, v1+"/contracts/:id/dispatches", signedIn, created, "Record materials sent (the company)", s.dispatchMaterials),
		ep(s, post, v1+"/dispatches/:id/receive", signedIn, ok, "Count a shipment in, noting any shortfall with photos (the workshop)", s.receiveMaterials),
		ep(s, post, v1+"/contracts/:id/returns", signedIn, created, "Record unused material given back (the workshop)", s.returnMaterials),
		ep(s, post, v1+"/contracts/:id/deliveries", signedIn, created, "Deliver a batch of finished pieces, or reworked ones (the workshop)", s.deliver),
		ep(s, post, v1+"/deliveries/:id/inspect", signedIn, ok, "Inspect a delivery: accepted, rejected with reasons and photos, rework (the company)", s.inspect),
		ep(s, post, v1+"/deliveries/:id/dispute", signedIn, created, "Dispute an inspection's rejections within the dispute window (the workshop)", s.dispute),
		ep(s, post, v1+"/contracts/:id/end", signedIn, ok, "End a contract short once nothing is pending; settlement follows (the company)", s.endShort),
		ep(s, post, v1+"/contracts/:id/settle", finance, ok, "Settle a contract now, once no rejection can still be disputed (finance)", s.settle),
		ep(s, get, v1+"/contracts/:id/statement", signedIn, ok, "A contract's settlement statement: terms, materials, deliveries, disputes, money, the deposit computation, ratings", s.statement),
		ep(s, get, v1+"/contracts/:id/statement.xlsx", signedIn, ok, "The settlement statement as a spreadsheet (in the caller's language)", s.statementXLSX),
		ep(s, post, v1+"/contracts/:id/ratings", signedIn, created, "Rate the other party after settlement (1–5 on three points and a comment)", s.rate),
		ep(s, get, v1+"/finance/settlements.xlsx", finance, ok, "Every contract settled in a date range with its totals (finance)", s.settlementsXLSX),
		ep(s, get, v1+"/stats/platform", staff, ok, "Platform figures: money held, released, commission, disputes, monthly volume (staff)", s.platformStats),
		ep(s, get, v1+"/contracts/:id/messages", signedIn, ok, "A contract's message thread (both parties and staff)", s.listMessages),
		ep(s, post, v1+"/contracts/:id/messages", signedIn, created, "Post a message with photos to a contract's thread", s.postMessage),
		ep(s, get, v1+"/disputes", staff, ok, "The dispute queue, oldest first (staff)", s.listDisputes),
		ep(s, get, v1+"/disputes/:id", signedIn, ok, "A dispute with its evidence and thread (the parties and staff)", s.getDispute),
		ep(s, post, v1+"/disputes/:id/comments", signedIn, created, "Comment on a dispute, with photos (the parties and staff)", s.commentDispute),
		ep(s, post, v1+"/disputes/:id/preview", moderator, ok, "What deciding to accept some of the disputed pieces would pay out and leave for refund (moderators)", s.previewDecision),
		ep(s, post, v1+"/disputes/:id/resolve", moderator, ok, "Decide a dispute: how many of the disputed pieces are accepted (staff)", s.resolveDispute),
		ep(s, post, v1+"/uploads", signedIn, created, "Upload an image (JPEG, PNG or WebP, at most 5 MB; re-encoded, EXIF removed)", s.upload),
		ep(s, get, v1+"/uploads/:id", public, ok, "An uploaded image (its uploader; once attached, who sees what it is attached to: a contract's parties, an organisation's members and moderators, an order's viewers)", s.readUpload(false)),
		ep(s, get, v1+"/uploads/:id/thumb", public, ok, "An uploaded image's thumbnail", s.readUpload(true)),

		// workshop operations: the workshop's own members only (others get 404)
		ep(s, get, v1+"/workshops/:id/residents", signedIn, ok, "The workshop's roster, phones masked (its coordinators)", s.listResidents),
		ep(s, post, v1+"/workshops/:id/residents", signedIn, created, "Add a resident; sensitive tags need the resident's consent (its coordinators)", s.createResident),
		ep(s, post, v1+"/workshops/:id/residents/import", signedIn, ok, "Import an XLSX roster: all rows or none, every bad cell reported (its coordinators)", s.importResidents),
		ep(s, get, v1+"/workshops/:id/residents.xlsx", signedIn, ok, "The roster as XLSX, the import's own format (its coordinators)", s.exportResidents),
		ep(s, get, v1+"/residents/:id", signedIn, ok, "A resident with the full phone and tag consents (its workshop's coordinators)", s.getResident),
		ep(s, patch, v1+"/residents/:id", signedIn, ok, "Edit a resident (its workshop's coordinators)", s.updateResident),
		ep(s, get, v1+"/contracts/:id/piece-records", signedIn, ok, "The contract's work sheet: pieces, hand-outs, reconciliation, audit trail (the workshop)", s.pieceSheet),
		ep(s, put, v1+"/contracts/:id/piece-records", signedIn, ok, "Set residents' accepted pieces; applied once per save_key (the workshop)", s.savePieces),
		ep(s, post, v1+"/contracts/:id/handouts", signedIn, ok, "Record material taken, brought back finished, returned or lost (the workshop)", s.addHandout),
		ep(s, get, v1+"/contracts/:id/distribution", signedIn, ok, "The pay distribution: a draft by pieces until approved (the workshop)", s.getDistribution),
		ep(s, post, v1+"/contracts/:id/distribution/approve", signedIn, ok, "Approve the distribution; the piece records become final (the workshop)", s.approveDistribution),
		ep(s, post, v1+"/distribution-lines/:id/paid", signedIn, ok, "Mark a resident paid: cash, WeChat or bank, with a reference (the workshop)", s.markLinePaid),
		ep(s, get, v1+"/contracts/:id/distribution.xlsx", signedIn, ok, "The distribution as XLSX (the workshop)", s.distributionXLSX),
		ep(s, get, v1+"/workshops/:id/impact", signedIn, ok, "The workshop's impact dashboard (its coordinators)", s.workshopImpact),
		ep(s, get, v1+"/stats/impact", public, ok, "Platform impact, k-anonymous (k = 5)", s.publicImpact),
		ep(s, get, v1+"/stats/impact/workshops", staff, ok, "Platform impact with per-workshop figures, k-anonymous (staff)", s.platformImpact),

		ep(s, get, v1+"/profiles/:id", public, ok, "An organisation's public profile and track record", s.getProfile),
		ep(s, get, v1+"/moderation/orders", staff, ok, "Orders by status for moderation (below minimum wage first, then oldest)", s.moderationQueue),
		ep(s, post, v1+"/moderation/orders/:id/approve", moderator, ok, "Approve and publish an order", s.moderate(market.ActApprove)),
		ep(s, post, v1+"/moderation/orders/:id/reject", moderator, ok, "Reject an order with a reason", s.moderate(market.ActReject)),
		ep(s, post, v1+"/moderation/orders/:id/suspend", moderator, ok, "Suspend a published order with a reason", s.moderate(market.ActSuspend)),
		ep(s, post, v1+"/moderation/orders/:id/reinstate", moderator, ok, "Reinstate a suspended order", s.moderate(market.ActReinstate)),
		ep(s, get, v1+"/moderation/reports", staff, ok, "The reports queue, grouped per order, most serious reason first", s.listReports),
		ep(s, post, v1+"/moderation/reports/:id/resolve", moderator, ok, "Dismiss (with a reason) or uphold a report, optionally suspending the order", s.resolveReport),
		ep(s, post, v1+"/moderation/orders/:id/reports/resolve", moderator, ok, "Dismiss or uphold every open report on an order at once", s.resolveOrderReports),
		ep(s, get, v1+"/moderation/counts", staff, ok, "Pending items in each staff queue (for the navigation)", s.staffCounts),

		ep(s, get, v1+"/notifications", signedIn, ok, "My organisation's notifications", s.listNotifications),
		ep(s, get, v1+"/notifications/unread-count", signedIn, ok, "Unread notification count", s.unreadCount),
		ep(s, post, v1+"/notifications/:id/read", signedIn, none, "Mark a notification read", s.markRead),
		ep(s, post, v1+"/notifications/read-all", signedIn, none, "Mark all notifications read", s.markAllRead),

		ep(s, get, v1+"/meta/crafts", public, ok, "The craft list with Chinese and English names", s.crafts),
		ep(s, get, v1+"/meta/regions", public, ok, "Administrative divisions with their centre points: the provinces; with parent, what lies under a province or city; with q, the divisions whose name contains q with their paths (ETag: If-None-Match answers 304)", s.regions).revalidated(),
		ep(s, get, v1+"/meta/map", public, ok, "Map tile server for the location picker (MAP_TILE_URL)", s.mapConfig),
		ep(s, get, v1+"/stats/public", public, ok, "Platform figures for the landing page", s.publicStats),
	}
}

// mount registers the route table, then the non-API endpoints.
func (s *Server) mount(app *fiber.App) {
	for _, r := range s.Routes() {
		app.Add(r.Method, r.Path, s.guard(r.Access), r.handler)
	}
	app.Get(v1+"/openapi.json", s.openAPI)
	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	app.Get("/metrics", s.metrics.handler)
	app.All(v1+"/*", func(*fiber.Ctx) error { return market.ErrNotFound })
	app.Use(s.frontend)
}

// guard enforces a route's access level.
func (s *Server) guard(a access) fiber.Handler {
	return func(c *fiber.Ctx) error {
		actor := actorOf(c)
		switch {
		case a == public:
		case actor == nil:
			return market.ErrUnauthorized
		case a == staff && !actor.IsStaff(), a == admin && !actor.IsAdmin(), a == finance && !actor.IsFinance(),
			a == moderator && !actor.Moderates():
			return market.ErrForbidden
		}
		return c.Next()
	}
}

// NewServerForDocs returns a Server with no dependencies, enough to read the
// route table (tests and tooling that compare it with the OpenAPI document).
func NewServerForDocs() *Server { return &Server{} }
