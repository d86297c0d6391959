// Package uploads is the upload workflow: images are sniffed, re-encoded
// (EXIF and location data gone) and stored with a thumbnail; an upload is
// its uploader's organisation's until it is attached: to a receipt,
// delivery, inspection, dispute or message on a contract (then only that
// contract's parties and staff see it), to an organisation as one of its
// documents (its members and the staff who verify), or to an order as a
// sample photo (whoever sees the order). Unattached uploads expire.
package uploads

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/google/uuid"

	"doorstep/server/access"
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
	if ok, err := s.mayRead(ctx, db, a, u); err != nil || !ok {
		return nil, "", cmp.Or(err, error(market.ErrNotFound))
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

func (s *Service) mayRead(ctx context.Context, db *store.DB, a *market.Actor, u store.Upload) (bool, error) {
	f := market.UploadFacts{UploaderOrg: u.OrgID}
	switch kind := deref(u.AttachedKind); {
	case u.AttachedID == nil:
	case isDocument(kind):
		f.DocumentOf = u.AttachedID
	case kind == KindOrderSample:
		_, p, err := access.Order(ctx, db, a, *u.AttachedID, s.Now())
		if err != nil && !store.IsNoRows(err) && !errors.Is(err, market.ErrNotFound) {
			return false, err
		}
		f.Order = &p
	case u.ContractID != nil:
		k, err := db.ContractByID(ctx, *u.ContractID)
		if err != nil {
			return false, err
		}
		f.Contract = &[2]uuid.UUID{k.CompanyID, k.WorkshopID}
	}
	return market.UploadVisible(a, f), nil
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

func deref[T any](p *T) (v T) {
	if p != nil {
		v = *p
	}
	return v
}
