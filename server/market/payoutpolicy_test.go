package market

import (
	"testing"
	"time"
)

// The payout account of the workshop: seen by its members and staff, in full
// by its owner and finance only, changed by its owner only.
func TestPayoutAccountAccess(t *testing.T) {
	t.Parallel()
	owner := actorFor('W')
	owner.OrgRole = RoleOwner
	member := actorFor('W')
	member.OrgRole = RoleMember
	cases := []struct {
		name                    string
		a                       *Actor
		visible, full, mayWrite bool
	}{
		{"owner", owner, true, true, true},
		{"member", member, true, false, false},
		{"finance", actorFor('F'), true, true, false},
		{"admin", actorFor('A'), true, true, false},
		{"moderator", actorFor('M'), true, false, false},
		{"stranger", actorFor('S'), false, false, false},
		{"company", actorFor('C'), false, false, false},
		{"anonymous", nil, false, false, false},
	}
	for _, c := range cases {
		got := PayoutAccountFor(c.a, workshopID)
		if got.Visible != c.visible || got.FullView != c.full || got.Change.Allowed != c.mayWrite {
			t.Errorf("%s: got visible=%v full=%v change=%v", c.name, got.Visible, got.FullView, got.Change.Allowed)
		}
	}
}

func TestRatingsOpen(t *testing.T) {
	t.Parallel()
	first := testNow.Add(-RatingsSealed)
	for _, c := range []struct {
		count int
		at    time.Time
		open  bool
	}{
		{0, time.Time{}, false},
		{1, first.Add(time.Minute), false},
		{1, first.Add(-time.Minute), true},
		{2, testNow, true},
	} {
		if got := RatingsOpen(c.count, c.at, testNow); got != c.open {
			t.Errorf("count %d at %v: open=%v, want %v", c.count, c.at, got, c.open)
		}
	}
}
