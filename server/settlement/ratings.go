package settlement

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/store"
)

// RatingInput is one side's rating of the other, 1–5 each. A company
// rates quality, communication and timeliness; a workshop rates payment,
// communication and the fairness of inspection.
type RatingInput struct {
	A       int    `json:"a"`
	B       int    `json:"b"`
	C       int    `json:"c"`
	Comment string `json:"comment"`
}

// RatingView is a rating as shown on a statement.
type RatingView struct {
	By        string    `json:"by"` // company or workshop
	A         int       `json:"a"`
	B         int       `json:"b"`
	C         int       `json:"c"`
	Comment   string    `json:"comment"`
	CreatedAt time.Time `json:"created_at"`
}

func ratingView(k store.Contract, r store.Rating) RatingView {
	by := "company"
	if r.RaterOrgID == k.WorkshopID {
		by = "workshop"
	}
	return RatingView{By: by, A: int(r.ScoreA), B: int(r.ScoreB), C: int(r.ScoreC), Comment: r.Comment, CreatedAt: r.CreatedAt}
}

// ratings are what the actor may see of a contract's ratings.
func (s *Service) ratings(ctx context.Context, db *store.DB, a *market.Actor, k store.Contract) (visible []RatingView, mine *RatingView, err error) {
	rows, err := db.ContractRatings(ctx, k.ID)
	visible = []RatingView{}
	if err != nil {
		return visible, nil, err
	}
	var first time.Time
	if len(rows) > 0 {
		first = rows[0].CreatedAt
	}
	open := market.RatingsOpen(len(rows), first, s.Now())
	for _, r := range rows {
		v := ratingView(k, r)
		switch {
		case r.RaterOrgID == a.OrgID:
			mine = &v
		case open || a.IsStaff():
			visible = append(visible, v)
		}
	}
	return visible, mine, nil
}

// Rate records the actor's organisation's rating of the other party, once,
// after settlement.
func (s *Service) Rate(ctx context.Context, a *market.Actor, contractID uuid.UUID, in RatingInput) (Statement, error) {
	var v market.Validator
	for f, n := range map[string]int{"a": in.A, "b": in.B, "c": in.C} {
		v.Check(n >= 1 && n <= 5, f, "评分为1到5星", "scores are 1 to 5")
	}
	in.Comment = strings.TrimSpace(in.Comment)
	v.Check(utf8.RuneCountInString(in.Comment) <= 1000, "comment", "评价最多1000字", "comment must be at most 1000 characters")
	if err := v.Err(); err != nil {
		return Statement{}, err
	}
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		k, p, err := access.LockContract(ctx, db, a, contractID, s.Now())
		if err != nil {
			return err
		}
		if err := p.Actions.Rate.Err(); err != nil {
			return err
		}
		ratee := k.WorkshopID
		if p.Role == market.RoleWorkshop {
			ratee = k.CompanyID
		}
		uid := a.User.ID
		_, err = db.CreateRating(ctx, store.CreateRatingParams{ContractID: k.ID, RaterOrgID: a.OrgID, RateeOrgID: ratee,
			ScoreA: int16(in.A), ScoreB: int16(in.B), ScoreC: int16(in.C), Comment: in.Comment, RatedBy: &uid})
		if store.IsUniqueViolation(err, "") {
			return market.E(market.CodeConflict, "您已评价过", "you have rated this contract already")
		}
		if err != nil {
			return err
		}
		// The other side's average rating changes with it, and a second
		// rating makes both visible at once: both scorecards are re-indexed.
		// (A lone rating becomes visible after 14 days with no write; the
		// full reindex every 6 hours picks that up.)
		return db.ScorecardsChanged(ctx, k.CompanyID, k.WorkshopID)
	})
	if err != nil {
		return Statement{}, err
	}
	return s.Statement(ctx, a, contractID)
}
