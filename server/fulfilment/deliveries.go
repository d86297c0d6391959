package fulfilment

import (
	"context"
	"strconv"
	"time"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/money"
	"doorstep/server/notify"
	"doorstep/server/store"
	"doorstep/server/uploads"
)

// Deliver records a batch of finished pieces (the workshop): new pieces,
// or pieces sent back for rework and made good. The company has the
// contract's inspection window to inspect it; silence accepts it in full.
func (s *Service) Deliver(ctx context.Context, a *market.Actor, contractID uuid.UUID, in market.DeliveryInput) (DeliveryView, error) {
	var out store.Delivery
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		k, pol, err := access.LockContract(ctx, db, a, contractID, s.Now())
		if err != nil {
			return err
		}
		var parent *store.Delivery
		reworkLeft := int64(0)
		if in.ReworkOf != "" {
			pid, err := uuid.Parse(in.ReworkOf)
			if err != nil {
				return market.FieldError("rework_of", "返工对应的交付无效", "rework_of is not a delivery of this contract")
			}
			d, err := db.LockDelivery(ctx, pid)
			if store.IsNoRows(err) || (err == nil && d.ContractID != k.ID) {
				return market.FieldError("rework_of", "返工对应的交付无效", "rework_of is not a delivery of this contract")
			}
			if err != nil {
				return err
			}
			if err := market.DeliveryPolicyFor(pol, pol.Facts, deliveryFacts(d), s.Now()).DeliverRework.Err(); err != nil {
				return err
			}
			parent, reworkLeft = &d, d.ReworkLeft
		} else if err := pol.Actions.Deliver.Err(); err != nil {
			return err
		}
		if err := market.CheckDelivery(&in, pol.Limits, reworkLeft); err != nil {
			return err
		}
		if ownMaterials(k) && market.ContractStatus(k.Status) == market.ContractActive {
			if k, err = move(ctx, db, k, market.ContractStart); err != nil { // own materials: production starts with the first batch
				return err
			}
		}
		seq, err := db.NextDeliverySeq(ctx, k.ID)
		if err != nil {
			return err
		}
		uid := a.User.ID
		due := s.Now().Add(time.Duration(k.InspectionDays) * 24 * time.Hour)
		p := store.CreateDeliveryParams{ContractID: k.ID, Seq: seq, Quantity: in.Quantity, Note: in.Note, SubmittedBy: &uid, InspectDueAt: due}
		u := units{}
		if parent != nil {
			p.ReworkOf, p.Round = &parent.ID, parent.Round+1
			if _, err := db.UseRework(ctx, store.UseReworkParams{ID: parent.ID, Units: in.Quantity}); err != nil {
				return err
			}
			u.Rework = -in.Quantity
		} else {
			u.Delivered = in.Quantity
		}
		if out, err = db.CreateDelivery(ctx, p); err != nil {
			return err
		}
		if err := uploads.Attach(ctx, db, a, "photo_ids", in.PhotoIDs, k.ID, "delivery", out.ID); err != nil {
			return err
		}
		if _, err := add(ctx, db, k.ID, u); err != nil {
			return err
		}
		if _, err := move(ctx, db, k, market.ContractDeliver); err != nil {
			return err
		}
		if err := db.Emit(events.DeliverySubmitted{DeliveryID: out.ID, InspectDue: due}); err != nil {
			return err
		}
		w, err := db.Org(ctx, k.WorkshopID)
		if err != nil {
			return err
		}
		return notify.Send(ctx, db, notify.Notice{Org: k.CompanyID, Kind: notify.DeliverySubmitted,
			Data: notify.Data{Org: w.Name, Order: k.Title, Quantity: in.Quantity,
				Why: market.Msg{ZH: market.FormatDate(due, "zh", true), EN: market.FormatDate(due, "en", true)}}, Link: "/contracts/" + k.ID.String()})
	})
	return deliveryView(out), err
}

// Inspect records the company's inspection of a delivery: accepted pieces
// are paid out at once; every rejected piece has a reason and a photo;
// rework pieces go back to the workshop while rounds remain.
func (s *Service) Inspect(ctx context.Context, a *market.Actor, deliveryID uuid.UUID, in market.InspectionInput) (DeliveryView, error) {
	var out store.Delivery
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		d, err := db.DeliveryByID(ctx, deliveryID)
		if store.IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		k, p, err := access.LockContract(ctx, db, a, d.ContractID, s.Now())
		if err != nil {
			return err
		}
		if d, err = db.LockDelivery(ctx, deliveryID); err != nil {
			return err
		}
		if err := market.DeliveryPolicyFor(p, p.Facts, deliveryFacts(d), s.Now()).Inspect.Err(); err != nil {
			return err
		}
		rejected, err := market.CheckInspection(&in, d.Quantity, d.Round < k.ReworkRounds)
		if err != nil {
			return err
		}
		for i, r := range in.Rejected {
			id, err := db.InsertRejection(ctx, store.InsertRejectionParams{DeliveryID: d.ID, Reason: r.Reason, Quantity: r.Quantity})
			if err != nil {
				return err
			}
			if err := uploads.Attach(ctx, db, a, "rejected["+strconv.Itoa(i)+"].photo_ids", r.PhotoIDs, k.ID, "rejection", id); err != nil {
				return err
			}
		}
		out, err = s.decide(ctx, db, k, d, in.Accepted, rejected, in.Rework, &a.User.ID)
		if err != nil {
			return err
		}
		msg := market.Msg{
			ZH: "合格 " + market.FormatCount(in.Accepted) + " 件，不合格 " + market.FormatCount(rejected) + " 件，返工 " + market.FormatCount(in.Rework) + " 件",
			EN: market.FormatCount(in.Accepted) + " accepted, " + market.FormatCount(rejected) + " rejected, " + market.FormatCount(in.Rework) + " for rework"}
		return notify.Send(ctx, db, notify.Notice{Org: k.WorkshopID, Kind: notify.DeliveryInspected,
			Data: notify.Data{Order: k.Title, Why: msg}, Link: "/contracts/" + k.ID.String()})
	})
	return deliveryView(out), err
}

// decide records a delivery's outcome, releases the money for what was
// accepted and moves the contract on. An inspection and the auto-accept
// share the release key, so whichever wins, the money moves once.
func (s *Service) decide(ctx context.Context, db *store.DB, k store.Contract, d store.Delivery, accepted, rejected, rework int64, by *uuid.UUID) (store.Delivery, error) {
	status := market.DeliveryAccepted
	if by == nil {
		status = market.DeliveryAutoAccepted
	}
	var disputeDue *time.Time
	if rejected > 0 {
		t := s.Now().Add(time.Duration(s.DisputeDays) * 24 * time.Hour)
		disputeDue = &t
	}
	out, err := db.SetInspection(ctx, store.SetInspectionParams{ID: d.ID, Status: string(status), Accepted: &accepted, Rejected: &rejected,
		Rework: &rework, InspectedBy: by, DisputeDueAt: disputeDue})
	if err != nil {
		return out, err
	}
	released, err := s.Money.Release(ctx, db, k, accepted, "delivery:"+d.ID.String())
	if err != nil {
		return out, err
	}
	k, err = add(ctx, db, k.ID, units{Accepted: accepted, Rejected: rejected, Rework: rework, Released: released})
	if err != nil {
		return out, err
	}
	return out, s.settleIfDone(ctx, db, k)
}

// AutoAccept accepts a delivery in full when its inspection window ended
// without an inspection (a job scheduled at the deadline). It locks like an
// inspection, so a racing inspection and the job end with one outcome.
func (s *Service) AutoAccept(ctx context.Context, deliveryID uuid.UUID) error {
	return s.Store.Tx(ctx, func(db *store.DB) error {
		d, err := db.DeliveryByID(ctx, deliveryID)
		if err != nil {
			return ignoreMissing(err)
		}
		k, err := db.LockContract(ctx, d.ContractID)
		if err != nil {
			return err
		}
		if d, err = db.LockDelivery(ctx, deliveryID); err != nil {
			return err
		}
		if market.DeliveryStatus(d.Status) != market.DeliverySubmitted || s.Now().Before(d.InspectDueAt) {
			return nil // inspected in time (or the job ran early)
		}
		if _, err := s.decide(ctx, db, k, d, d.Quantity, 0, 0, nil); err != nil {
			return err
		}
		return money.NotifyParties(ctx, db, k, notify.DeliveryAutoAccept, notify.Data{Order: k.Title, Quantity: d.Quantity})
	})
}

// Remind warns both sides a day before a delivery is accepted by silence.
func (s *Service) Remind(ctx context.Context, deliveryID uuid.UUID) error {
	return s.Store.Tx(ctx, func(db *store.DB) error {
		d, err := db.DeliveryByID(ctx, deliveryID)
		if err != nil || market.DeliveryStatus(d.Status) != market.DeliverySubmitted {
			return ignoreMissing(err)
		}
		k, err := db.ContractByID(ctx, d.ContractID)
		if err != nil {
			return err
		}
		return money.NotifyParties(ctx, db, k, notify.InspectionReminder, notify.Data{Order: k.Title, Quantity: d.Quantity})
	})
}

// AcceptDue accepts every delivery whose window has passed (a periodic
// sweep behind the scheduled jobs, in case one was lost).
func (s *Service) AcceptDue(ctx context.Context) (int, error) {
	ids, err := s.Store.DB().DueDeliveries(ctx, store.DueDeliveriesParams{InspectDueAt: s.Now(), Limit: 200})
	for i, id := range ids {
		if err == nil {
			err = s.AutoAccept(ctx, id)
			if err != nil {
				return i, err
			}
		}
	}
	return len(ids), err
}

// EndShort ends the contract with fewer pieces than contracted (the
// company), once nothing is waiting: settlement refunds the unused escrow.
func (s *Service) EndShort(ctx context.Context, a *market.Actor, contractID uuid.UUID) error {
	return s.Store.Tx(ctx, func(db *store.DB) error {
		k, p, err := access.LockContract(ctx, db, a, contractID, s.Now())
		if err != nil {
			return err
		}
		if err := p.Actions.EndShort.Err(); err != nil {
			return err
		}
		if k, err = move(ctx, db, k, market.ContractComplete); err != nil {
			return err
		}
		if err := db.Emit(events.ContractSettling{ContractID: k.ID}); err != nil {
			return err
		}
		return money.NotifyParties(ctx, db, k, notify.ContractSettling, notify.Data{Order: k.Title})
	})
}

// settleIfDone moves a contract to settling once every piece is decided:
// all accepted or finally rejected, nothing uninspected, in rework or in
// dispute. Settlement (a job) follows.
func (s *Service) settleIfDone(ctx context.Context, db *store.DB, k store.Contract) error {
	if k.AcceptedUnits+k.RejectedUnits < k.Quantity || k.ReworkUnits > 0 || k.DisputedUnits > 0 {
		return nil
	}
	pending, err := db.PendingWork(ctx, store.PendingWorkParams{ContractID: k.ID, Now: s.Now()})
	if err != nil || pending.Uninspected > 0 || pending.ReworkLeft > 0 || pending.OpenDisputes > 0 {
		return err
	}
	if market.ContractStatus(k.Status) == market.ContractSettling { // a late dispute was decided: settle now
		return db.Emit(events.ContractSettling{ContractID: k.ID})
	}
	if k, err = move(ctx, db, k, market.ContractComplete); err != nil {
		return err
	}
	if err := db.Emit(events.ContractSettling{ContractID: k.ID}); err != nil {
		return err
	}
	return money.NotifyParties(ctx, db, k, notify.ContractSettling, notify.Data{Order: k.Title})
}

func ignoreMissing(err error) error {
	if store.IsNoRows(err) {
		return nil
	}
	return err
}
