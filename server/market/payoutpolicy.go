package market

import (
	"time"

	"github.com/google/uuid"
)

// PayoutAccountAccess is who may see and change an organisation's payout
// account: its members and staff see it; only its owner and finance staff
// (who pay into it) see the full number, everyone else a masked one; only
// the owner changes it.
type PayoutAccountAccess struct {
	Visible  bool
	FullView bool
	Change   Permission
}

// PayoutAccountFor decides PayoutAccountAccess for an actor and an organisation.
func PayoutAccountFor(a *Actor, orgID uuid.UUID) PayoutAccountAccess {
	member := a != nil && a.OrgID == orgID && orgID != uuid.Nil
	owner := member && a.OrgRole == RoleOwner
	acc := PayoutAccountAccess{
		Visible:  member || a.IsStaff(),
		FullView: owner || a.IsFinance(),
		Change:   when(owner, Deny(CodeForbidden, "只有机构负责人可以设置收款账户", "only an owner can set the payout account")),
	}
	return acc
}

// RatingsSealed is how long one side's rating stays hidden from the other
// while only one has rated, so neither rates in reply to the other.
const RatingsSealed = 14 * 24 * time.Hour

// RatingsOpen: the two sides see each other's ratings once both rated, or
// once the first rating is older than RatingsSealed.
func RatingsOpen(count int, firstAt, now time.Time) bool {
	return count >= 2 || count == 1 && now.Sub(firstAt) > RatingsSealed
}
