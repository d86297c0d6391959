package orders

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/uploads"
)

// Create saves a draft order for a verified company.
func (s *Service) Create(ctx context.Context, a *market.Actor, in market.OrderInput) (OrderView, error) {
	if err := s.companyActor(ctx, a, true); err != nil {
		return OrderView{}, err
	}
	o, err := market.ApplyOrderInput(market.Order{CompanyID: a.OrgID}, in, true, s.Now())
	if err != nil {
		return OrderView{}, err
	}
	quote, err := market.Quote(o)
	if err != nil {
		return OrderView{}, err
	}
	uid := a.User.ID
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		if o, err = db.CreateOrder(ctx, o, quote); err != nil {
			return err
		}
		if err := setSamplePhotos(ctx, db, a, o, in.SamplePhotoIDs); err != nil {
			return err
		}
		return db.InsertOrderEvent(ctx, store.InsertOrderEventParams{OrderID: o.ID, ActorID: &uid, ActorKind: "company",
			Action: "create", ToStatus: string(o.Status)})
	})
	if err != nil {
		return OrderView{}, err
	}
	return s.View(ctx, a, o)
}

// PreviewResponse lets the order form show live totals while it is incomplete.
type PreviewResponse struct {
	Quote  *market.OrderQuote `json:"quote"`
	Fields map[string]string  `json:"fields"`
}

// quoteFields are the inputs the quote depends on; with these valid the
// preview can compute even if, say, the title is still empty.
var quoteFields = []string{"quantity", "unit_price", "min_bid_quantity", "minutes_per_piece", "region_code",
	"materials.supply", "materials.value_per_unit", "materials.allowed_loss_bp", "deposit.kind", "deposit.amount", "deposit.rate_bp"}

// Preview computes totals, deposits and fair pay for terms without saving.
func (s *Service) Preview(ctx context.Context, a *market.Actor, in market.OrderInput, lang string) (PreviewResponse, error) {
	if err := s.companyActor(ctx, a, false); err != nil {
		return PreviewResponse{}, err
	}
	o, err := market.ApplyOrderInput(market.Order{CompanyID: a.OrgID}, in, true, s.Now())
	resp := PreviewResponse{Fields: map[string]string{}}
	var me *market.Error
	if errors.As(err, &me) {
		for k, m := range me.Fields {
			resp.Fields[k] = m.In(lang)
		}
	}
	for _, f := range quoteFields {
		if _, bad := resp.Fields[f]; bad {
			return resp, nil
		}
	}
	if q, err := market.Quote(o); err == nil {
		resp.Quote = &q
	}
	return resp, nil
}

// Update edits terms. Editing a published order sends it back to review
// (out of public view) and ends the bids made on the old terms; once a bid
// is accepted the terms are frozen.
func (s *Service) Update(ctx context.Context, a *market.Actor, id uuid.UUID, in market.OrderInput) (OrderView, error) {
	if _, p, err := s.Order(ctx, a, id); err != nil {
		return OrderView{}, err
	} else if err := p.Actions.Edit.Err(); err != nil {
		return OrderView{}, err
	}
	uid := a.User.ID
	var out market.Order
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		cur, err := db.LockOrder(ctx, id)
		if err != nil {
			return err
		}
		to, _, err := market.NextOrderStatus(cur.Status, market.ActEditTerms, cur.HasAcceptedBid())
		if err != nil {
			return err
		}
		edited, err := market.ApplyOrderInput(cur, in, false, s.Now())
		if err != nil {
			return err
		}
		quote, err := market.Quote(edited)
		if err != nil {
			return err
		}
		if out, err = db.UpdateOrderTerms(ctx, edited, quote); err != nil {
			return err
		}
		if err := setSamplePhotos(ctx, db, a, out, in.SamplePhotoIDs); err != nil {
			return err
		}
		if to != cur.Status {
			out, err = SetStatus(ctx, db, out, to, "", Transition{Action: market.ActEditTerms, ActorID: &uid, ActorKind: "company",
				Reason: market.ReasonBackToReview}, s.Now())
			return err
		}
		// Edits without a status change are history too: staff see what
		// happened between a rejection and the resubmission.
		from := string(cur.Status)
		zh, en := changedFields(in).Columns()
		return db.InsertOrderEvent(ctx, store.InsertOrderEventParams{OrderID: id, ActorID: &uid, ActorKind: "company",
			Action: string(market.ActEditTerms), FromStatus: &from, ToStatus: from, Reason: zh, ReasonEn: en})
	})
	if err != nil {
		return OrderView{}, err
	}
	return s.View(ctx, a, out)
}

// Submit sends a draft (or a rejected order) for review.
func (s *Service) Submit(ctx context.Context, a *market.Actor, id uuid.UUID, reason string) (OrderView, error) {
	return s.companyTransition(ctx, a, id, reason, market.ActSubmit, func(cur market.Order) error {
		// Terms may have gone stale since the draft was saved (e.g. the deadline passed).
		_, err := market.ApplyOrderInput(cur, market.OrderInput{}, false, s.Now())
		return err
	})
}

// Cancel closes an order while nothing is awarded.
func (s *Service) Cancel(ctx context.Context, a *market.Actor, id uuid.UUID, reason string) (OrderView, error) {
	return s.companyTransition(ctx, a, id, reason, market.ActCancel, nil)
}

func (s *Service) companyTransition(ctx context.Context, a *market.Actor, id uuid.UUID, reason string, act market.Action, check func(market.Order) error) (OrderView, error) {
	_, p, err := s.Order(ctx, a, id)
	if err != nil {
		return OrderView{}, err
	}
	may := p.Actions.Submit
	if act == market.ActCancel {
		may = p.Actions.Cancel
	}
	if err := may.Err(); err != nil {
		return OrderView{}, err
	}
	reason, err = market.CheckReason(reason, false)
	if err != nil {
		return OrderView{}, err
	}
	uid := a.User.ID
	var out market.Order
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		if check != nil {
			cur, err := db.LockOrder(ctx, id)
			if err != nil {
				return err
			}
			if err := check(cur); err != nil {
				return err
			}
		}
		_, out, err = Apply(ctx, db, id, Transition{Action: act, ActorID: &uid, ActorKind: "company", Reason: market.Typed(reason)}, s.Now())
		return err
	})
	if err != nil {
		return OrderView{}, err
	}
	return s.View(ctx, a, out)
}

// setSamplePhotos makes ids the order's uploaded sample photos, when given
// (nil leaves them as they are), beside the links it may still have.
func setSamplePhotos(ctx context.Context, db *store.DB, a *market.Actor, o market.Order, ids []string) error {
	if ids == nil {
		return nil
	}
	t := uploads.Target{Kind: uploads.KindOrderSample, ID: o.ID}
	return uploads.Replace(ctx, db, a, "sample_photo_ids", ids, t, market.MaxSamplePhotos-len(o.SamplePhotos))
}

// changedFields names the edited fields for the order history.
func changedFields(in market.OrderInput) market.Msg {
	b, _ := json.Marshal(in)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	changed := map[string]bool{}
	for k, v := range m {
		changed[k] = v != nil
	}
	return market.ReasonOrderEdited(changed)
}
