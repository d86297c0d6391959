package fulfilment

import (
	"context"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
	"doorstep/server/uploads"
)

// Messages reads a contract's thread (both parties and staff), oldest first.
func (s *Service) Messages(ctx context.Context, a *market.Actor, contractID uuid.UUID, pq market.PageQuery) (market.Page[CommentView], error) {
	lim, off, err := pq.Limits()
	if err != nil {
		return market.Page[CommentView]{}, err
	}
	db := s.Store.DB()
	k, _, err := access.Contract(ctx, db, a, contractID, s.Now())
	if err != nil {
		return market.Page[CommentView]{}, err
	}
	rows, err := db.ContractMessages(ctx, store.ContractMessagesParams{ContractID: k.ID, Lim: lim, Off: off})
	if err != nil {
		return market.Page[CommentView]{}, err
	}
	total, err := db.CountContractMessages(ctx, k.ID)
	if err != nil {
		return market.Page[CommentView]{}, err
	}
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	photos, err := uploads.Photos(ctx, db, "message", ids)
	out := market.NewPage(pq, total, make([]CommentView, 0, len(rows)))
	for _, r := range rows {
		out.Items = append(out.Items, CommentView{ID: r.ID, AuthorName: r.AuthorName, OrgID: r.OrgID, Body: r.Body,
			Photos: nonNilViews(photos[r.ID]), CreatedAt: r.CreatedAt})
	}
	return out, err
}

// PostMessage adds a message (text and photos) to a contract's thread; the
// other side is told in the app and by mail. The thread is part of the
// contract's record: staff read it when they decide a dispute.
func (s *Service) PostMessage(ctx context.Context, a *market.Actor, contractID uuid.UUID, body string, photoIDs []string) (CommentView, error) {
	body, err := market.CheckText("body", body, 2000)
	if err != nil {
		return CommentView{}, err
	}
	var out CommentView
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		k, _, err := access.Contract(ctx, db, a, contractID, s.Now())
		if err != nil {
			return err
		}
		org := orgOf(a)
		m, err := db.CreateContractMessage(ctx, store.CreateContractMessageParams{ContractID: k.ID, AuthorID: a.User.ID, OrgID: org, Body: body})
		if err != nil {
			return err
		}
		if err := uploads.Attach(ctx, db, a, "photo_ids", photoIDs, k.ID, "message", m.ID); err != nil {
			return err
		}
		photos, err := uploads.Photos(ctx, db, "message", []uuid.UUID{m.ID})
		if err != nil {
			return err
		}
		out = CommentView{ID: m.ID, AuthorName: a.User.Name, OrgID: org, Body: body, Photos: nonNilViews(photos[m.ID]), CreatedAt: m.CreatedAt}
		return s.tellOthers(ctx, db, a, k, notify.ContractMessage, body)
	})
	return out, err
}

func nonNilViews(v []uploads.View) []uploads.View {
	if v == nil {
		return []uploads.View{}
	}
	return v
}
