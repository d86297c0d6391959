package market

import "github.com/google/uuid"

// Who may see a row and what they may do with it now: one policy per
// aggregate (order, bid, contract, dispatch, delivery, dispute, payment,
// distribution), each a pure function of the actor and the row's facts.
// It answers the actor's Role in the row (RoleNone: not visible, so 404)
// and every action with whether it is allowed now and, if not, why.
// Workflows ask the policy before they write — no other visibility or
// permission check exists — and views carry its answers as `actions`, so
// the web app draws buttons, limits and next steps from them and never
// re-derives a rule from a status.

// Role is how an actor relates to a row.
type Role string

const (
	RoleNone      Role = ""          // may not see the row (404)
	RolePublic    Role = "public"    // anyone, signed in or not, who sees what everyone sees
	RoleCompany   Role = "company"   // the row's company (an order's poster, a contract's buyer)
	RoleWorkshop  Role = "workshop"  // the row's workshop (a bidder, a contract's maker)
	RoleModerator Role = "moderator" // staff who moderate, verify and decide disputes
	RoleFinance   Role = "finance"   // staff who match transfers and send money
	RoleAdmin     Role = "admin"     // staff who may do both
)

// Roles lists every role, for the OpenAPI enum.
var Roles = []Role{RoleNone, RolePublic, RoleCompany, RoleWorkshop, RoleModerator, RoleFinance, RoleAdmin}

// Visible reports whether the role may see the row at all.
func (r Role) Visible() bool { return r != RoleNone }

// Staff reports whether the role is a platform staff role.
func (r Role) Staff() bool { return r == RoleModerator || r == RoleFinance || r == RoleAdmin }

// Moderates: moderators and admins review orders, verify organisations and
// decide disputes and cancellations; finance staff do not (DESIGN.md "People").
func (r Role) Moderates() bool { return r == RoleModerator || r == RoleAdmin }

// HandlesMoney: finance staff and admins confirm transfers, settle and pay out.
func (r Role) HandlesMoney() bool { return r == RoleFinance || r == RoleAdmin }

// Party reports whether the role is one of a row's two organisations.
func (r Role) Party() bool { return r == RoleCompany || r == RoleWorkshop }

// staffRole is the actor's staff role (RoleNone for members of organisations).
func staffRole(a *Actor) Role {
	if a == nil {
		return RoleNone
	}
	switch a.User.StaffRole {
	case StaffAdmin:
		return RoleAdmin
	case StaffModerator:
		return RoleModerator
	case StaffFinance:
		return RoleFinance
	}
	return RoleNone
}

// StaffRole is the actor's staff role, RoleNone for everyone else.
func StaffRole(a *Actor) Role { return staffRole(a) }

// Moderates reports whether the actor is staff who moderate.
func (a *Actor) Moderates() bool { return staffRole(a).Moderates() }

// PartyRole is the actor's role in a row that belongs to a company and a
// workshop (a contract, a bid, the deliveries and disputes under them):
// either organisation, or staff; RoleNone for everyone else.
func PartyRole(a *Actor, companyID, workshopID uuid.UUID) Role {
	if a == nil {
		return RoleNone
	}
	if r := staffRole(a); r != RoleNone {
		return r
	}
	switch {
	case a.OrgID == uuid.Nil:
		return RoleNone
	case a.OrgID == companyID:
		return RoleCompany
	case a.OrgID == workshopID:
		return RoleWorkshop
	}
	return RoleNone
}

// Permission is one action's answer: allowed now, or refused with the
// reason in both languages (the error a workflow returns for it).
type Permission struct {
	Allowed bool `json:"allowed"`
	Reason  *Msg `json:"reason,omitempty"`
	code    Code
}

// Allow is an allowed action.
func Allow() Permission { return Permission{Allowed: true} }

// Deny refuses an action with a reason: CodeForbidden when the actor may
// never do it, CodeState when the row's state does not allow it now,
// CodeConflict when it was done already.
func Deny(code Code, zh, en string) Permission {
	return Permission{Reason: &Msg{ZH: zh, EN: en}, code: code}
}

// denyErr refuses with an existing error's code and message.
func denyErr(e *Error) Permission { return Permission{Reason: &e.Message, code: e.Code} }

// Err is nil when the action is allowed, else the error that refuses it.
func (p Permission) Err() error {
	if p.Allowed {
		return nil
	}
	if p.Reason == nil {
		return ErrForbidden
	}
	return &Error{Code: p.code, Message: *p.Reason}
}

// first is the first refusal among checks, or Allow when every check passes.
func first(checks ...Permission) Permission {
	for _, c := range checks {
		if !c.Allowed {
			return c
		}
	}
	return Allow()
}

// when is Allow when ok, else the refusal.
func when(ok bool, refusal Permission) Permission {
	if ok {
		return Allow()
	}
	return refusal
}

// Common refusals.
var (
	denyStaffOnlyModerate = Deny(CodeForbidden, "只有平台审核人员可以执行此操作", "only platform moderators can do this")
	denyStaffOnlyFinance  = Deny(CodeForbidden, "只有平台财务人员可以执行此操作", "only platform finance staff can do this")
	denyPartiesOnly       = Deny(CodeForbidden, "只有合同双方可以执行此操作", "only the two parties to the contract can do this")
	denyCompanyOnly       = Deny(CodeForbidden, "只有合同的企业方可以执行此操作", "only the contract's company can do this")
	denyWorkshopOnly      = Deny(CodeForbidden, "只有合同的工坊方可以执行此操作", "only the contract's workshop can do this")
	denyEnded             = Deny(CodeState, "合同已结束", "the contract has ended")
)

// UploadFacts are what decides who sees an upload: who uploaded it and
// what it is attached to (at most one of Contract, DocumentOf, Order).
type UploadFacts struct {
	UploaderOrg *uuid.UUID
	Contract    *[2]uuid.UUID // the contract's company and workshop, when attached to something on it
	DocumentOf  *uuid.UUID    // the organisation, when it is one of its documents
	Order       *OrderPolicy  // the actor's policy on the order, when it is the order's sample photo
}

// UploadVisible: an upload not yet attached is its uploader's
// organisation's alone (and staff's); once attached to something on a
// contract, whoever sees the contract (its two parties, staff) sees it; an
// organisation's document is seen as DocumentsPolicyFor says (never by
// other organisations or finance staff); an order's sample photo by
// whoever sees the order, the public included when it is published.
func UploadVisible(a *Actor, f UploadFacts) bool {
	switch {
	case f.DocumentOf != nil:
		return DocumentsPolicyFor(a, *f.DocumentOf).Role.Visible()
	case f.Order != nil:
		return f.Order.Role.Visible()
	case a == nil:
		return false
	case staffRole(a) != RoleNone:
		return true
	case f.Contract == nil:
		return f.UploaderOrg != nil && *f.UploaderOrg == a.OrgID && a.OrgID != uuid.Nil
	}
	return PartyRole(a, f.Contract[0], f.Contract[1]).Visible()
}

// Moderation is the permission of staff-only moderation work that has no
// row policy of its own (verifying organisations, community guarantees,
// the reports queue): moderators and admins, never finance staff.
func Moderation(a *Actor) Permission { return when(staffRole(a).Moderates(), denyStaffOnlyModerate) }

// FinanceWork is the permission of finance queues and exports: finance
// staff and admins.
func FinanceWork(a *Actor) Permission { return when(staffRole(a).HandlesMoney(), denyStaffOnlyFinance) }
