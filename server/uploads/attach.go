package uploads

import (
	"context"
	"strconv"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// KindOrderSample is what an order's sample photos are attached as.
const KindOrderSample = "order_sample"

// isDocument: uploads attached as an organisation's document carry the
// document's kind.
func isDocument(kind string) bool {
	for _, k := range market.DocumentKinds {
		if string(k) == kind {
			return true
		}
	}
	return false
}

// Target is what uploads are attached to: a row (its kind and id) and, for
// a row on a contract, the contract.
type Target struct {
	Kind     string
	ID       uuid.UUID
	Contract *uuid.UUID
}

// Attach ties the actor's own unattached uploads to something on a
// contract, in the caller's transaction; field names the request field for
// the error when an id is not one of them.
func Attach(ctx context.Context, db *store.DB, a *market.Actor, field string, ids []string, contractID uuid.UUID, kind string, target uuid.UUID) error {
	parsed, err := parseIDs(field, ids)
	if err != nil {
		return err
	}
	return attach(ctx, db, a, field, parsed, Target{Kind: kind, ID: target, Contract: &contractID})
}

// Replace makes ids exactly the uploads attached to t, in the caller's
// transaction (which holds the lock on t's row): the ones already attached
// stay, the actor's own new ones are attached, and the ones left out are
// let go for the cleanup job to delete. At most max may be attached.
func Replace(ctx context.Context, db *store.DB, a *market.Actor, field string, ids []string, t Target, max int) error {
	parsed, err := parseIDs(field, ids)
	if err != nil {
		return err
	}
	if len(parsed) > max {
		return market.FieldError(field, "照片最多"+strconv.Itoa(max)+"张", "at most "+strconv.Itoa(max)+" photos")
	}
	rows, err := db.UploadsFor(ctx, store.UploadsForParams{AttachedKind: &t.Kind, Ids: []uuid.UUID{t.ID}})
	if err != nil {
		return err
	}
	attached := map[uuid.UUID]bool{}
	for _, r := range rows {
		attached[r.ID] = true
	}
	var fresh []uuid.UUID
	for _, id := range parsed {
		if !attached[id] {
			fresh = append(fresh, id)
		}
	}
	if err := attach(ctx, db, a, field, fresh, t); err != nil {
		return err
	}
	// Keep is never nil: NOT (id = ANY(NULL)) is NULL, which would let go of nothing.
	_, err = db.DetachUploads(ctx, store.DetachUploadsParams{AttachedKind: &t.Kind, AttachedID: &t.ID, Keep: append([]uuid.UUID{}, parsed...)})
	return err
}

func parseIDs(field string, ids []string) ([]uuid.UUID, error) {
	parsed := make([]uuid.UUID, 0, len(ids))
	seen := map[uuid.UUID]bool{}
	for _, s := range ids {
		id, err := uuid.Parse(s)
		if err != nil || seen[id] {
			return nil, market.FieldError(field, "照片编号无效或重复", "a photo id is invalid or repeated")
		}
		seen[id] = true
		parsed = append(parsed, id)
	}
	return parsed, nil
}

func attach(ctx context.Context, db *store.DB, a *market.Actor, field string, ids []uuid.UUID, t Target) error {
	if len(ids) == 0 {
		return nil
	}
	var org *uuid.UUID
	if a.OrgID != uuid.Nil {
		id := a.OrgID
		org = &id
	}
	got, err := db.AttachUploads(ctx, store.AttachUploadsParams{ContractID: t.Contract, AttachedKind: &t.Kind, AttachedID: &t.ID,
		Ids: ids, OrgID: org, UserID: a.User.ID})
	if err != nil {
		return err
	}
	if len(got) != len(ids) {
		return market.FieldError(field, "照片不存在、已过期或已被使用，请重新上传", "a photo does not exist, has expired or is already used; upload it again")
	}
	return nil
}

// Photos lists the photos attached to each target, by target.
func Photos(ctx context.Context, db *store.DB, kind string, targets []uuid.UUID) (map[uuid.UUID][]View, error) {
	out := map[uuid.UUID][]View{}
	if len(targets) == 0 {
		return out, nil
	}
	rows, err := db.UploadsFor(ctx, store.UploadsForParams{AttachedKind: &kind, Ids: targets})
	for _, r := range rows {
		if r.AttachedID != nil {
			out[*r.AttachedID] = append(out[*r.AttachedID], view(store.Upload{ID: r.ID, ContentType: r.ContentType, Width: r.Width, Height: r.Height}))
		}
	}
	return out, err
}

// PhotosOf lists the photos attached to one target (never nil).
func PhotosOf(ctx context.Context, db *store.DB, kind string, target uuid.UUID) ([]View, error) {
	m, err := Photos(ctx, db, kind, []uuid.UUID{target})
	return append([]View{}, m[target]...), err
}
