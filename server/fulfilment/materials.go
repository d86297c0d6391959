package fulfilment

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
	"doorstep/server/uploads"
)

// Dispatch records materials the company sent (or the workshop picks up).
func (s *Service) Dispatch(ctx context.Context, a *market.Actor, contractID uuid.UUID, in market.DispatchInput) (DispatchView, error) {
	var out store.Dispatch
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		k, p, err := access.LockContract(ctx, db, a, contractID, s.Now())
		if err != nil {
			return err
		}
		if err := p.Actions.Dispatch.Err(); err != nil {
			return err
		}
		if err := market.CheckDispatch(&in, p.Limits); err != nil {
			return err
		}
		seq, err := db.NextDispatchSeq(ctx, k.ID)
		if err != nil {
			return err
		}
		uid := a.User.ID
		if out, err = db.CreateDispatch(ctx, store.CreateDispatchParams{ContractID: k.ID, Seq: seq, Quantity: in.Quantity, Method: in.Method,
			Carrier: in.Carrier, TrackingNo: in.TrackingNo, Note: in.Note, DispatchedBy: &uid, Driver: in.Driver, DriverPhone: in.DriverPhone}); err != nil {
			return err
		}
		if _, err := add(ctx, db, k.ID, units{Dispatched: in.Quantity}); err != nil {
			return err
		}
		if _, err := move(ctx, db, k, market.ContractDispatch); err != nil {
			return err
		}
		return notify.Send(ctx, db, notify.Notice{Org: k.WorkshopID, Kind: notify.MaterialsSent,
			Data: notify.Data{Order: k.Title, Quantity: in.Quantity, Why: market.DispatchHow(in)}, Link: "/contracts/" + k.ID.String()})
	})
	return dispatchView(out, nil), err
}

// Receive records what actually arrived of a shipment (the workshop); a
// shortfall is noted, with photos, and shown to both sides. The first
// receipt starts production.
func (s *Service) Receive(ctx context.Context, a *market.Actor, dispatchID uuid.UUID, in market.ReceiptInput) (DispatchView, error) {
	var out store.Dispatch
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		d, err := db.DispatchByID(ctx, dispatchID)
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
		if d, err = db.LockDispatch(ctx, dispatchID); err != nil {
			return err
		}
		if err := market.DispatchPolicyFor(p, p.Facts, d.ReceivedAt != nil).Receive.Err(); err != nil {
			return err
		}
		if err := market.CheckReceipt(&in, d.Quantity); err != nil {
			return err
		}
		uid := a.User.ID
		if out, err = db.ReceiveDispatch(ctx, store.ReceiveDispatchParams{ID: d.ID, ReceivedQuantity: &in.Quantity, ShortfallNote: in.Note,
			ReceivedBy: &uid}); err != nil {
			return err
		}
		if err := uploads.Attach(ctx, db, a, "photo_ids", in.PhotoIDs, k.ID, "receipt", d.ID); err != nil {
			return err
		}
		if _, err := add(ctx, db, k.ID, units{Received: in.Quantity}); err != nil {
			return err
		}
		if _, err := move(ctx, db, k, market.ContractStart); err != nil {
			return err
		}
		var note market.Msg
		if short := d.Quantity - in.Quantity; short > 0 {
			note = market.Msg{ZH: "短少 " + market.FormatCount(short) + " 件：" + in.Note, EN: "short by " + market.FormatCount(short) + ": " + in.Note}
		}
		w, err := db.Org(ctx, k.WorkshopID)
		if err != nil {
			return err
		}
		return notify.Send(ctx, db, notify.Notice{Org: k.CompanyID, Kind: notify.MaterialsReceived,
			Data: notify.Data{Org: w.Name, Order: k.Title, Quantity: in.Quantity, Why: note}, Link: "/contracts/" + k.ID.String()})
	})
	return dispatchView(out, nil), err
}

// Return records unused material the workshop gave back.
func (s *Service) Return(ctx context.Context, a *market.Actor, contractID uuid.UUID, quantity int64, note string) (ReturnView, error) {
	var out store.MaterialReturn
	note, err := market.CheckNote("note", note)
	if err != nil {
		return ReturnView{}, err
	}
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		k, p, err := access.LockContract(ctx, db, a, contractID, s.Now())
		if err != nil {
			return err
		}
		if err := p.Actions.Return.Err(); err != nil {
			return err
		}
		if err := market.CheckReturn(quantity, p.Limits); err != nil {
			return err
		}
		uid := a.User.ID
		if out, err = db.CreateMaterialReturn(ctx, store.CreateMaterialReturnParams{ContractID: k.ID, Quantity: quantity, Note: note, CreatedBy: &uid}); err != nil {
			return err
		}
		_, err = add(ctx, db, k.ID, units{Returned: quantity})
		return err
	})
	return ReturnView{ID: out.ID, Quantity: out.Quantity, Note: out.Note, CreatedAt: out.CreatedAt}, err
}

// ReturnView is unused material given back.
type ReturnView struct {
	ID        uuid.UUID `json:"id"`
	Quantity  int64     `json:"quantity"`
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"created_at"`
}
