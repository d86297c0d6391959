package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// SynonymGroup is a group of search synonyms staff added (table
// search_synonyms); the built-in groups live in search/synonyms.tsv.
type SynonymGroup struct {
	ID                   uuid.UUID
	Terms                []string
	Note                 string // the source or the reason
	CreatedBy            *uuid.UUID
	CreatedAt, UpdatedAt time.Time
}

func synonymGroup(r dbq.SearchSynonym) SynonymGroup {
	return SynonymGroup{ID: r.ID, Terms: r.Terms, Note: r.Note, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// SynonymGroups lists staff's synonym groups, oldest first.
func (d *DB) SynonymGroups(ctx context.Context) ([]SynonymGroup, error) {
	rows, err := d.q.ListSynonymGroups(ctx)
	out := make([]SynonymGroup, 0, len(rows))
	for _, r := range rows {
		out = append(out, synonymGroup(r))
	}
	return out, err
}

// CreateSynonymGroup adds a group.
func (d *DB) CreateSynonymGroup(ctx context.Context, by uuid.UUID, terms []string, note string) (SynonymGroup, error) {
	r, err := d.q.CreateSynonymGroup(ctx, dbq.CreateSynonymGroupParams{Terms: terms, Note: note, CreatedBy: &by})
	return synonymGroup(r), err
}

// LockSynonymGroup reads a group for change; market.ErrNotFound when there is none.
func (d *DB) LockSynonymGroup(ctx context.Context, id uuid.UUID) (SynonymGroup, error) {
	r, err := d.q.SynonymGroupForUpdate(ctx, id)
	if IsNoRows(err) {
		return SynonymGroup{}, market.ErrNotFound
	}
	return synonymGroup(r), err
}

// UpdateSynonymGroup replaces a group's terms and note.
func (d *DB) UpdateSynonymGroup(ctx context.Context, id uuid.UUID, terms []string, note string) (SynonymGroup, error) {
	r, err := d.q.UpdateSynonymGroup(ctx, dbq.UpdateSynonymGroupParams{ID: id, Terms: terms, Note: note})
	return synonymGroup(r), err
}
