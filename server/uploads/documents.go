package uploads

import (
	"context"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// DocumentView is one document and its photos (none: not uploaded yet).
type DocumentView struct {
	Kind   market.DocumentKind `json:"kind"`
	Photos []View              `json:"photos"`
}

// DocumentLimits bound what may be uploaded.
type DocumentLimits struct {
	MaxPages int `json:"max_pages"` // photos per document
}

// DocumentsView is an organisation's documents, one per kind it keeps, with
// what the caller may do with them.
type DocumentsView struct {
	OrgID     uuid.UUID           `json:"org_id"`
	Documents []DocumentView      `json:"documents"`
	Role      market.Role         `json:"role"`
	Actions   market.DocumentsCan `json:"actions"`
	Limits    DocumentLimits      `json:"limits"`
}

// DocumentsInput replaces one document's photos: the photos listed (already
// the document's, or the caller's own fresh uploads) become the document;
// an empty list removes it.
type DocumentsInput struct {
	Kind     market.DocumentKind `json:"kind"`
	PhotoIDs []string            `json:"photo_ids"`
}

// Documents reads an organisation's documents (its members, moderators and
// admins; anyone else gets 404).
func (s *Service) Documents(ctx context.Context, a *market.Actor, orgID uuid.UUID) (DocumentsView, error) {
	p := market.DocumentsPolicyFor(a, orgID)
	if err := p.VisibleErr(); err != nil {
		return DocumentsView{}, err
	}
	db := s.Store.DB()
	org, err := db.Org(ctx, orgID)
	if store.IsNoRows(err) {
		return DocumentsView{}, market.ErrNotFound
	}
	if err != nil {
		return DocumentsView{}, err
	}
	return documentsView(ctx, db, org, p)
}

// SetDocument replaces one of the organisation's documents (its owners).
func (s *Service) SetDocument(ctx context.Context, a *market.Actor, orgID uuid.UUID, in DocumentsInput) (DocumentsView, error) {
	p := market.DocumentsPolicyFor(a, orgID)
	if err := p.VisibleErr(); err != nil {
		return DocumentsView{}, err
	}
	if err := p.Actions.Upload.Err(); err != nil {
		return DocumentsView{}, err
	}
	if err := market.CheckDocumentPhotos(in.PhotoIDs); err != nil {
		return DocumentsView{}, err
	}
	var out DocumentsView
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		org, err := db.LockOrg(ctx, orgID) // one writer at a time, so the page limit holds
		if err != nil {
			return err
		}
		if err := market.CheckDocumentKind(org.Kind, in.Kind); err != nil {
			return err
		}
		t := Target{Kind: string(in.Kind), ID: orgID}
		if err := Replace(ctx, db, a, "photo_ids", in.PhotoIDs, t, market.MaxDocumentPages); err != nil {
			return err
		}
		out, err = documentsView(ctx, db, org, p)
		return err
	})
	return out, err
}

func documentsView(ctx context.Context, db *store.DB, org market.Org, p market.DocumentsPolicy) (DocumentsView, error) {
	v := DocumentsView{OrgID: org.ID, Documents: []DocumentView{}, Role: p.Role, Actions: p.Actions,
		Limits: DocumentLimits{MaxPages: market.MaxDocumentPages}}
	for _, k := range market.DocumentKindsFor(org.Kind) {
		photos, err := PhotosOf(ctx, db, string(k), org.ID)
		if err != nil {
			return v, err
		}
		v.Documents = append(v.Documents, DocumentView{Kind: k, Photos: photos})
	}
	return v, nil
}
