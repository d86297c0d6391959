// Package uploads is the upload workflow: images are sniffed, re-encoded
// (EXIF and location data gone) and stored with a thumbnail; an upload is
// its uploader's organisation's until it is attached to a receipt,
// delivery, inspection, dispute or message on a contract, and then only
// that contract's parties and staff may see it. Unattached uploads expire.
package uploads

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/google/uuid"

	"doorstep/server/blob"
	"doorstep/server/market"
	"doorstep/server/store"
)

// Unattached uploads are deleted after this long.
const unattachedTTL = 24 * time.Hour

// Service runs the upload workflow.
type Service struct {
	Store *store.Store
	Blob  blob.Storage
	Now   func() time.Time
	// Limits bound decoding memory; the zero value is DefaultLimits.
	Limits Limits

	gateOnce sync.Once
	gate     *gate
}

func (s *Service) decodeGate() *gate {
	s.gateOnce.Do(func() { s.gate = newGate(s.Limits) })
	return s.gate
}

// View is a stored image.
type View struct {
	ID          uuid.UUID `json:"id"`
	ContentType string    `json:"content_type"`
	Width       int32     `json:"width"`
	Height      int32     `json:"height"`
	URL         string    `json:"url"`
	ThumbURL    string    `json:"thumb_url"`
}

func view(u store.Upload) View {
	base := "/api/v1/uploads/" + u.ID.String()
	return View{ID: u.ID, ContentType: u.ContentType, Width: u.Width, Height: u.Height, URL: base, ThumbURL: base + "/thumb"}
}

func newKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Upload stores an image for the actor's organisation.
func (s *Service) Upload(ctx context.Context, a *market.Actor, data []byte) (View, error) {
	if len(data) == 0 {
		return View{}, market.FieldError("file", "请选择图片", "choose an image")
	}
	img, err := process(ctx, s.decodeGate(), data)
	if err != nil {
		return View{}, err
	}
	key, thumbKey := newKey(), newKey()
	if err := s.Blob.Put(ctx, key, img.contentType, img.full); err != nil {
		return View{}, err
	}
	if err := s.Blob.Put(ctx, thumbKey, img.contentType, img.thumb); err != nil {
		_ = s.Blob.Delete(ctx, key)
		return View{}, err
	}
	var org *uuid.UUID
	if a.OrgID != uuid.Nil {
		id := a.OrgID
		org = &id
	}
	expires := s.Now().Add(unattachedTTL)
	u, err := s.Store.DB().CreateUpload(ctx, store.CreateUploadParams{OrgID: org, UploadedBy: a.User.ID, ContentType: img.contentType,
		SizeBytes: int32(len(img.full)), Width: int32(img.width), Height: int32(img.height), StorageKey: key, ThumbKey: thumbKey, ExpiresAt: &expires})
	if err != nil {
		_ = s.Blob.Delete(ctx, key)
		_ = s.Blob.Delete(ctx, thumbKey)
		return View{}, err
	}
	return view(u), nil
}

// Read returns an image (or its thumbnail) to someone who may see it;
// anyone else gets 404.
func (s *Service) Read(ctx context.Context, a *market.Actor, id uuid.UUID, thumb bool) ([]byte, string, error) {
	db := s.Store.DB()
	u, err := db.UploadByID(ctx, id)
	if store.IsNoRows(err) {
		return nil, "", market.ErrNotFound
	}
	if err != nil {
		return nil, "", err
	}
	if !s.mayRead(ctx, db, a, u) {
		return nil, "", market.ErrNotFound
	}
	key := u.StorageKey
	if thumb {
		key = u.ThumbKey
	}
	b, err := s.Blob.Get(ctx, key)
	if errors.Is(err, blob.ErrNotFound) {
		return nil, "", market.ErrNotFound
	}
	return b, u.ContentType, err
}

func (s *Service) mayRead(ctx context.Context, db *store.DB, a *market.Actor, u store.Upload) bool {
	var party *[2]uuid.UUID
	if u.ContractID != nil {
		k, err := db.ContractByID(ctx, *u.ContractID)
		if err != nil {
			return false
		}
		party = &[2]uuid.UUID{k.CompanyID, k.WorkshopID}
	}
	return market.UploadVisible(a, u.OrgID, party)
}

// Attach ties the actor's own unattached uploads to something on a
// contract, in the caller's transaction; field names the request field for
// the error when an id is not one of them.
func Attach(ctx context.Context, db *store.DB, a *market.Actor, field string, ids []string, contractID uuid.UUID, kind string, target uuid.UUID) error {
	if len(ids) == 0 {
		return nil
	}
	parsed := make([]uuid.UUID, 0, len(ids))
	seen := map[uuid.UUID]bool{}
	for _, s := range ids {
		id, err := uuid.Parse(s)
		if err != nil || seen[id] {
			return market.FieldError(field, "照片编号无效或重复", "a photo id is invalid or repeated")
		}
		seen[id] = true
		parsed = append(parsed, id)
	}
	var org *uuid.UUID
	if a.OrgID != uuid.Nil {
		id := a.OrgID
		org = &id
	}
	got, err := db.AttachUploads(ctx, store.AttachUploadsParams{ContractID: &contractID, AttachedKind: &kind, AttachedID: &target,
		Ids: parsed, OrgID: org, UserID: a.User.ID})
	if err != nil {
		return err
	}
	if len(got) != len(parsed) {
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

// DeleteExpired removes uploads never attached (the cleanup job).
func (s *Service) DeleteExpired(ctx context.Context) (int, error) {
	db := s.Store.DB()
	list, err := db.ExpiredUploads(ctx, store.ExpiredUploadsParams{ExpiresAt: ptr(s.Now()), Limit: 500})
	if err != nil {
		return 0, err
	}
	for i, u := range list {
		if err := errors.Join(s.Blob.Delete(ctx, u.StorageKey), s.Blob.Delete(ctx, u.ThumbKey), db.DeleteUpload(ctx, u.ID)); err != nil {
			return i, err
		}
	}
	return len(list), nil
}

func ptr[T any](v T) *T { return &v }
