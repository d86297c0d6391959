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
	public   access = iota // anyone
	signedIn               // any signed-in user
	staff                  // platform staff (admin or moderator)
	admin                  // platform admins
)

func (a access) String() string { return [...]string{"public", "signed_in", "staff", "admin"}[a] }

// Route is one row of the route table; Req and Resp feed the OpenAPI document.
type Route struct {
	Method, Path string
	Access       access
	Status       int
	Summary      string
	Req, Resp    reflect.Type
	handler      fiber.Handler
}

func ep[Req, Resp any](s *Server, method, path string, acc access, status int, summary string, h Handler[Req, Resp]) Route {
	return Route{Method: method, Path: path, Access: acc, Status: status, Summary: summary,
		Req: reflect.TypeFor[Req](), Resp: reflect.TypeFor[Resp](), handler: adapt(s, status, h)}
}

const v1 = "/api/v1"

// Routes is THE route table: read it top to bottom to know the API and who may call what.
func (s *Server) Routes() []Route {
	const get, post, patch = http.MethodGet, http.MethodPost, http.MethodPatch
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
		ep(s, post, v1+"/orgs/:id/verify", staff, ok, "Set or clear the verified badge (staff)", s.verifyOrg),
		ep(s, post, v1+"/orgs/:id/guarantee", staff, ok, "Set or clear a workshop's community guarantee (staff)", s.setGuarantee),
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
		ep(s, get, v1+"/search/orders", public, ok, "Search published orders (text, craft, region, price, deadline, deposit, distance)", s.searchOrders),
		ep(s, get, v1+"/search/workshops", public, ok, "Search workshops (craft, region, capacity, distance)", s.searchWorkshops),
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
		ep(s, get, v1+"/profiles/:id", public, ok, "An organisation's public profile and track record", s.getProfile),
		ep(s, get, v1+"/moderation/orders", staff, ok, "Orders by status for moderation (below minimum wage first, then oldest)", s.moderationQueue),
		ep(s, post, v1+"/moderation/orders/:id/approve", staff, ok, "Approve and publish an order", s.moderate(market.ActApprove)),
		ep(s, post, v1+"/moderation/orders/:id/reject", staff, ok, "Reject an order with a reason", s.moderate(market.ActReject)),
		ep(s, post, v1+"/moderation/orders/:id/suspend", staff, ok, "Suspend a published order with a reason", s.moderate(market.ActSuspend)),
		ep(s, post, v1+"/moderation/orders/:id/reinstate", staff, ok, "Reinstate a suspended order", s.moderate(market.ActReinstate)),
		ep(s, get, v1+"/moderation/reports", staff, ok, "The reports queue, grouped per order, most serious reason first", s.listReports),
		ep(s, post, v1+"/moderation/reports/:id/resolve", staff, ok, "Dismiss (with a reason) or uphold a report, optionally suspending the order", s.resolveReport),
		ep(s, post, v1+"/moderation/orders/:id/reports/resolve", staff, ok, "Dismiss or uphold every open report on an order at once", s.resolveOrderReports),
		ep(s, get, v1+"/moderation/counts", staff, ok, "Pending items in each staff queue (for the navigation)", s.staffCounts),

		ep(s, get, v1+"/notifications", signedIn, ok, "My organisation's notifications", s.listNotifications),
		ep(s, get, v1+"/notifications/unread-count", signedIn, ok, "Unread notification count", s.unreadCount),
		ep(s, post, v1+"/notifications/:id/read", signedIn, none, "Mark a notification read", s.markRead),
		ep(s, post, v1+"/notifications/read-all", signedIn, none, "Mark all notifications read", s.markAllRead),

		ep(s, get, v1+"/meta/crafts", public, ok, "The craft list with Chinese and English names", s.crafts),
		ep(s, get, v1+"/meta/regions", public, ok, "Administrative divisions as a province → city → district tree", s.regions),
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
		case a == staff && !actor.IsStaff(), a == admin && !actor.IsAdmin():
			return market.ErrForbidden
		}
		return c.Next()
	}
}

// NewServerForDocs returns a Server with no dependencies, enough to read the
// route table (tests and tooling that compare it with the OpenAPI document).
func NewServerForDocs() *Server { return &Server{} }
