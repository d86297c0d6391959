package fulfilment

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/money"
	"doorstep/server/notify"
	"doorstep/server/store"
	"doorstep/server/uploads"
)

// Dispute challenges an inspection's rejections (the workshop, within the
// dispute window). The rejected pieces' money stays in escrow until staff decide.
func (s *Service) Dispute(ctx context.Context, a *market.Actor, deliveryID uuid.UUID, in market.DisputeInput) (DisputeDetail, error) {
	var out store.Dispute
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
		df := deliveryFacts(d)
		if err := market.DeliveryPolicyFor(p, p.Facts, df, s.Now()).Dispute.Err(); err != nil {
			return err
		}
		rejected := df.Rejected
		if err := market.CheckDispute(&in); err != nil {
			return err
		}
		uid := a.User.ID
		if out, err = db.CreateDispute(ctx, store.CreateDisputeParams{DeliveryID: d.ID, ContractID: k.ID, Units: rejected,
			Statement: in.Statement, OpenedBy: &uid}); err != nil {
			return err
		}
		if _, err := db.SetDeliveryStatus(ctx, store.SetDeliveryStatusParams{ID: d.ID, Status: string(market.DeliveryDisputed)}); err != nil {
			return err
		}
		if err := uploads.Attach(ctx, db, a, "photo_ids", in.PhotoIDs, k.ID, "dispute", out.ID); err != nil {
			return err
		}
		if _, err := add(ctx, db, k.ID, units{Disputed: rejected, Disputes: 1}); err != nil {
			return err
		}
		return notify.Send(ctx, db, notify.Notice{Org: k.CompanyID, Kind: notify.DisputeOpened,
			Data: notify.Data{Order: k.Title, Reason: in.Statement}, Link: "/contracts/" + k.ID.String()})
	})
	if err != nil {
		return DisputeDetail{}, err
	}
	return s.DisputeDetail(ctx, a, out.ID)
}

// Resolve decides a dispute (staff): of the disputed pieces, accepted are
// paid out now; the rest stay rejected. Audit-logged and told to both sides.
func (s *Service) Resolve(ctx context.Context, a *market.Actor, disputeID uuid.UUID, accepted int64, note string) (DisputeDetail, error) {
	var out store.Dispute
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		x, err := db.DisputeByID(ctx, disputeID)
		if store.IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		k, p, err := access.LockContract(ctx, db, a, x.ContractID, s.Now())
		if err != nil {
			return err
		}
		if x, err = db.LockDispute(ctx, disputeID); err != nil {
			return err
		}
		if err := market.DisputePolicyFor(p, market.DisputeStatus(x.Status)).Resolve.Err(); err != nil {
			return err
		}
		note, err := market.CheckResolution(accepted, x.Units, note)
		if err != nil {
			return err
		}
		uid := a.User.ID
		if out, err = db.ResolveDispute(ctx, store.ResolveDisputeParams{ID: x.ID, DecidedAccepted: &accepted, DecisionNote: note, ResolvedBy: &uid}); err != nil {
			return err
		}
		if _, err := db.SetDeliveryStatus(ctx, store.SetDeliveryStatusParams{ID: x.DeliveryID, Status: string(market.DeliveryResolved)}); err != nil {
			return err
		}
		released, err := s.Money.Release(ctx, db, k, accepted, "dispute:"+x.ID.String())
		if err != nil {
			return err
		}
		if k, err = add(ctx, db, k.ID, units{Accepted: accepted, Rejected: -accepted, Disputed: -x.Units, Released: released}); err != nil {
			return err
		}
		if err := db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "dispute.resolve", TargetType: "dispute", TargetID: x.ID.String(),
			Before: map[string]any{"status": market.DisputeOpen, "units": x.Units}, After: map[string]any{"accepted": accepted}, Note: note}); err != nil {
			return err
		}
		if err := money.NotifyParties(ctx, db, k, notify.DisputeResolved, notify.Data{Order: k.Title, Quantity: accepted, Reason: note}); err != nil {
			return err
		}
		return s.settleIfDone(ctx, db, k)
	})
	if err != nil {
		return DisputeDetail{}, err
	}
	return s.DisputeDetail(ctx, a, out.ID)
}

// DisputeView is a dispute with its contract's names.
type DisputeView struct {
	ID              uuid.UUID            `json:"id"`
	DeliveryID      uuid.UUID            `json:"delivery_id"`
	ContractID      uuid.UUID            `json:"contract_id"`
	ContractTitle   string               `json:"contract_title"`
	CompanyID       uuid.UUID            `json:"company_id"`
	CompanyName     string               `json:"company_name"`
	WorkshopID      uuid.UUID            `json:"workshop_id"`
	WorkshopName    string               `json:"workshop_name"`
	Units           int64                `json:"units"`
	Statement       string               `json:"statement"`
	Status          market.DisputeStatus `json:"status"`
	OpenedAt        time.Time            `json:"opened_at"`
	DecidedAccepted *int64               `json:"decided_accepted"`
	DecisionNote    string               `json:"decision_note,omitempty"`
	ResolvedAt      *time.Time           `json:"resolved_at"`
}

// Disputes is the staff queue, oldest first.
func (s *Service) Disputes(ctx context.Context, status string, pq market.PageQuery) (market.Page[DisputeView], error) {
	lim, off, err := pq.Limits()
	st, _, ferr := market.ListFilters(status, market.DisputeStatuses, "")
	if err := market.MergeInvalid(err, ferr); err != nil {
		return market.Page[DisputeView]{}, err
	}
	db := s.Store.DB()
	rows, err := db.DisputeQueue(ctx, store.DisputeQueueParams{Status: st, Lim: lim, Off: off})
	if err != nil {
		return market.Page[DisputeView]{}, err
	}
	total, err := db.CountDisputes(ctx, st)
	out := market.NewPage(pq, total, make([]DisputeView, 0, len(rows)))
	for _, r := range rows {
		out.Items = append(out.Items, DisputeView{ID: r.ID, DeliveryID: r.DeliveryID, ContractID: r.ContractID, ContractTitle: r.ContractTitle,
			CompanyID: r.CompanyID, CompanyName: r.CompanyName, WorkshopID: r.WorkshopID, WorkshopName: r.WorkshopName, Units: r.Units,
			Statement: r.Statement, Status: market.DisputeStatus(r.Status), OpenedAt: r.OpenedAt, DecidedAccepted: r.DecidedAccepted, DecisionNote: r.DecisionNote,
			ResolvedAt: r.ResolvedAt})
	}
	return out, err
}

// CommentView is a comment on a dispute or a message on a contract.
type CommentView struct {
	ID         uuid.UUID      `json:"id"`
	AuthorName string         `json:"author_name"`
	OrgID      *uuid.UUID     `json:"org_id"` // null: platform staff
	Body       string         `json:"body"`
	Photos     []uploads.View `json:"photos"`
	CreatedAt  time.Time      `json:"created_at"`
}

// Comment adds to a dispute's thread (either party or staff) and tells the others.
func (s *Service) Comment(ctx context.Context, a *market.Actor, disputeID uuid.UUID, body string, photoIDs []string) (CommentView, error) {
	body, err := market.CheckText("body", body, 2000)
	if err != nil {
		return CommentView{}, err
	}
	var out CommentView
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		x, err := db.DisputeByID(ctx, disputeID)
		if store.IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		k, p, err := access.Contract(ctx, db, a, x.ContractID, s.Now())
		if err != nil {
			return err
		}
		if err := market.DisputePolicyFor(p, market.DisputeStatus(x.Status)).Comment.Err(); err != nil {
			return err
		}
		org := orgOf(a)
		c, err := db.CreateDisputeComment(ctx, store.CreateDisputeCommentParams{DisputeID: x.ID, AuthorID: a.User.ID, OrgID: org, Body: body})
		if err != nil {
			return err
		}
		if err := uploads.Attach(ctx, db, a, "photo_ids", photoIDs, k.ID, "dispute_comment", c.ID); err != nil {
			return err
		}
		out = CommentView{ID: c.ID, AuthorName: a.User.Name, OrgID: org, Body: body, CreatedAt: c.CreatedAt, Photos: []uploads.View{}}
		return s.tellOthers(ctx, db, a, k, notify.DisputeComment, body)
	})
	return out, err
}

// tellOthers notifies the contract's parties other than the actor's organisation.
func (s *Service) tellOthers(ctx context.Context, db *store.DB, a *market.Actor, k store.Contract, kind notify.Kind, body string) error {
	name := "平台工作人员 / platform staff"
	if a.OrgID != uuid.Nil {
		if o, err := db.Org(ctx, a.OrgID); err == nil {
			name = o.Name
		}
	}
	for _, org := range []uuid.UUID{k.CompanyID, k.WorkshopID} {
		if org == a.OrgID {
			continue
		}
		if err := notify.SendCoalesced(ctx, db, notify.Notice{Org: org, Kind: kind, Data: notify.Data{Org: name, Order: k.Title, Reason: body},
			Link: "/contracts/" + k.ID.String()}, s.MessageCoalesce); err != nil {
			return err
		}
	}
	return nil
}

func orgOf(a *market.Actor) *uuid.UUID {
	if a.OrgID == uuid.Nil {
		return nil
	}
	id := a.OrgID
	return &id
}

// DecisionPreview is what deciding accepted of a dispute's pieces would do
// to the money (moderators, before they decide).
func (s *Service) DecisionPreview(ctx context.Context, a *market.Actor, disputeID uuid.UUID, accepted int64) (market.DecisionMoney, error) {
	db := s.Store.DB()
	x, err := db.DisputeByID(ctx, disputeID)
	if store.IsNoRows(err) {
		return market.DecisionMoney{}, market.ErrNotFound
	}
	if err != nil {
		return market.DecisionMoney{}, err
	}
	k, p, err := access.Contract(ctx, db, a, x.ContractID, s.Now())
	if err != nil {
		return market.DecisionMoney{}, err
	}
	if err := market.DisputePolicyFor(p, market.DisputeStatus(x.Status)).Resolve.Err(); err != nil {
		return market.DecisionMoney{}, err
	}
	return market.DisputeDecisionMoney(accepted, x.Units, k.UnitPrice, int(k.CommissionBp))
}
