package fulfilment

import (
	"context"
	"slices"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/uploads"
)

// Timeline reads a contract's fulfilment for a party or staff.
func (s *Service) Timeline(ctx context.Context, a *market.Actor, contractID uuid.UUID) (Timeline, error) {
	db := s.Store.DB()
	k, pol, err := access.Contract(ctx, db, a, contractID, s.Now())
	if err != nil {
		return Timeline{}, err
	}
	t := Timeline{Status: pol.Facts.Status, Stage: pol.Facts.Status.Stage(), Role: pol.Role, Actions: pol.Actions, Limits: pol.Limits, Next: pol.Next,
		Quantities: quantities(k), Dispatches: []DispatchView{}, Deliveries: []DeliveryView{}, Events: []Event{}}
	if t.Company, err = contact(ctx, db, k.CompanyID); err != nil {
		return t, err
	}
	if t.Workshop, err = contact(ctx, db, k.WorkshopID); err != nil {
		return t, err
	}
	dispatches, err := db.ContractDispatches(ctx, k.ID)
	if err != nil {
		return t, err
	}
	deliveries, err := db.ContractDeliveries(ctx, k.ID)
	if err != nil {
		return t, err
	}
	disputes, err := db.ContractDisputes(ctx, k.ID)
	if err != nil {
		return t, err
	}
	returns, err := db.ContractReturns(ctx, k.ID)
	if err != nil {
		return t, err
	}
	payments, err := db.ContractPayments(ctx, k.ID)
	if err != nil {
		return t, err
	}
	if err := s.evidence(ctx, db, &t, dispatches, deliveries, disputes); err != nil {
		return t, err
	}
	for i, d := range dispatches {
		t.Dispatches[i].Actions = market.DispatchPolicyFor(pol, pol.Facts, d.ReceivedAt != nil)
	}
	for i, d := range deliveries {
		t.Deliveries[i].Actions = market.DeliveryPolicyFor(pol, pol.Facts, deliveryFacts(d), s.Now())
		if x := t.Deliveries[i].Dispute; x != nil {
			x.Actions = market.DisputePolicyFor(pol, x.Status)
		}
	}
	t.Events = history(k, payments, dispatches, returns, deliveries, disputes)
	return t, nil
}

func contact(ctx context.Context, db *store.DB, org uuid.UUID) (Contact, error) {
	c, err := db.OrgContact(ctx, org)
	return Contact{OrgName: c.Name, Name: c.ContactName, Phone: c.ContactPhone}, err
}

// evidence fills the views with their photos, rejections, disputes and comments.
func (s *Service) evidence(ctx context.Context, db *store.DB, t *Timeline, dispatches []store.Dispatch, deliveries []store.Delivery, disputes []store.Dispute) error {
	ids := func(n int, id func(int) uuid.UUID) []uuid.UUID {
		out := make([]uuid.UUID, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	receipts, err := uploads.Photos(ctx, db, "receipt", ids(len(dispatches), func(i int) uuid.UUID { return dispatches[i].ID }))
	if err != nil {
		return err
	}
	for _, d := range dispatches {
		t.Dispatches = append(t.Dispatches, dispatchView(d, receipts[d.ID]))
	}
	dids := ids(len(deliveries), func(i int) uuid.UUID { return deliveries[i].ID })
	photos, err := uploads.Photos(ctx, db, "delivery", dids)
	if err != nil {
		return err
	}
	rejections, err := db.DeliveryRejections(ctx, dids)
	if err != nil {
		return err
	}
	rphotos, err := uploads.Photos(ctx, db, "rejection", ids(len(rejections), func(i int) uuid.UUID { return rejections[i].ID }))
	if err != nil {
		return err
	}
	details := map[uuid.UUID]*DisputeDetail{}
	for _, x := range disputes {
		d, err := s.disputeDetail(ctx, db, x)
		if err != nil {
			return err
		}
		details[x.DeliveryID] = &d
	}
	for _, d := range deliveries {
		v := deliveryView(d)
		v.Photos = nonNilViews(photos[d.ID])
		for _, r := range rejections {
			if r.DeliveryID == d.ID {
				v.Rejections = append(v.Rejections, RejectionView{Reason: r.Reason, Quantity: r.Quantity, Photos: nonNilViews(rphotos[r.ID])})
			}
		}
		v.Dispute = details[d.ID]
		t.Deliveries = append(t.Deliveries, v)
	}
	return nil
}

func (s *Service) disputeDetail(ctx context.Context, db *store.DB, x store.Dispute) (DisputeDetail, error) {
	d := DisputeDetail{ID: x.ID, DeliveryID: x.DeliveryID, ContractID: x.ContractID, Units: x.Units, Statement: x.Statement, Status: market.DisputeStatus(x.Status),
		OpenedAt: x.OpenedAt, DecidedAccepted: x.DecidedAccepted, DecisionNote: x.DecisionNote, ResolvedAt: x.ResolvedAt, Comments: []CommentView{}}
	photos, err := uploads.Photos(ctx, db, "dispute", []uuid.UUID{x.ID})
	if err != nil {
		return d, err
	}
	d.Photos = nonNilViews(photos[x.ID])
	comments, err := db.DisputeComments(ctx, x.ID)
	if err != nil {
		return d, err
	}
	cids := make([]uuid.UUID, len(comments))
	for i, c := range comments {
		cids[i] = c.ID
	}
	cphotos, err := uploads.Photos(ctx, db, "dispute_comment", cids)
	for _, c := range comments {
		d.Comments = append(d.Comments, CommentView{ID: c.ID, AuthorName: c.AuthorName, OrgID: c.OrgID, Body: c.Body,
			Photos: nonNilViews(cphotos[c.ID]), CreatedAt: c.CreatedAt})
	}
	return d, err
}

// DisputeDetail reads one dispute with its evidence (the parties and staff).
func (s *Service) DisputeDetail(ctx context.Context, a *market.Actor, id uuid.UUID) (DisputeDetail, error) {
	db := s.Store.DB()
	x, err := db.DisputeByID(ctx, id)
	if store.IsNoRows(err) {
		return DisputeDetail{}, market.ErrNotFound
	}
	if err != nil {
		return DisputeDetail{}, err
	}
	_, pol, err := access.Contract(ctx, db, a, x.ContractID, s.Now())
	if err != nil {
		return DisputeDetail{}, err
	}
	d, err := s.disputeDetail(ctx, db, x)
	d.Actions = market.DisputePolicyFor(pol, d.Status)
	return d, err
}

// history lists what happened on a contract, oldest first.
func history(k store.Contract, payments []store.Payment, dispatches []store.Dispatch, returns []store.MaterialReturn,
	deliveries []store.Delivery, disputes []store.Dispute) []Event {
	ev := []Event{{At: k.CreatedAt, Kind: "awarded", By: "company", Quantity: k.Quantity, Amount: k.EscrowAmount}}
	for _, p := range payments {
		if p.SettledAt != nil && p.AmountReceived != nil {
			by := "company"
			if p.Purpose == string(market.PurposeDeposit) {
				by = "workshop"
			}
			ev = append(ev, Event{At: *p.SettledAt, Kind: "paid_" + p.Purpose, By: by, Amount: *p.AmountReceived, Ref: &p.ID})
		}
	}
	if k.ActivatedAt != nil {
		ev = append(ev, Event{At: *k.ActivatedAt, Kind: "active", By: "system"})
	}
	for _, d := range dispatches {
		ev = append(ev, Event{At: d.DispatchedAt, Kind: "dispatched", By: "company", Quantity: d.Quantity, Ref: &d.ID, Note: d.TrackingNo})
		if d.ReceivedAt != nil {
			ev = append(ev, Event{At: *d.ReceivedAt, Kind: "received", By: "workshop", Quantity: *d.ReceivedQuantity, Ref: &d.ID, Note: d.ShortfallNote})
		}
	}
	for _, r := range returns {
		ev = append(ev, Event{At: r.CreatedAt, Kind: "returned", By: "workshop", Quantity: r.Quantity, Note: r.Note})
	}
	for _, d := range deliveries {
		ev = append(ev, Event{At: d.SubmittedAt, Kind: "delivered", By: "workshop", Quantity: d.Quantity, Ref: &d.ID})
		if d.InspectedAt != nil && d.Accepted != nil {
			kind, by := "inspected", "company"
			if d.InspectedBy == nil {
				kind, by = "auto_accepted", "system"
			}
			ev = append(ev, Event{At: *d.InspectedAt, Kind: kind, By: by, Quantity: *d.Accepted, Ref: &d.ID})
		}
	}
	for _, x := range disputes {
		ev = append(ev, Event{At: x.OpenedAt, Kind: "disputed", By: "workshop", Quantity: x.Units, Ref: &x.ID})
		if x.ResolvedAt != nil && x.DecidedAccepted != nil {
			ev = append(ev, Event{At: *x.ResolvedAt, Kind: "resolved", By: "staff", Quantity: *x.DecidedAccepted, Ref: &x.ID, Note: x.DecisionNote})
		}
	}
	if k.EndedAt != nil {
		ev = append(ev, Event{At: *k.EndedAt, Kind: "ended_" + k.Status, By: "system", Why: market.FromColumns(k.EndReason, k.EndReasonEn).OrNil()})
	}
	slices.SortStableFunc(ev, func(a, b Event) int { return a.At.Compare(b.At) })
	return ev
}
