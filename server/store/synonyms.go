package store

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

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
func (s *Store) SynonymGroups(ctx context.Context) ([]SynonymGroup, error) {
	rows, err := s.Q.ListSynonymGroups(ctx)
	out := make([]SynonymGroup, 0, len(rows))
	for _, r := range rows {
		out = append(out, synonymGroup(r))
	}
	return out, err
}

// CountSynonymGroups counts staff's synonym groups.
func (s *Store) CountSynonymGroups(ctx context.Context) (int64, error) {
	return s.Q.CountSynonymGroups(ctx)
}

// CreateSynonymGroup adds a group and its audit record in one transaction.
func (s *Store) CreateSynonymGroup(ctx context.Context, actor market.User, terms []string, note string) (SynonymGroup, error) {
	var out SynonymGroup
	err := s.WithTx(ctx, func(_ pgx.Tx, q *dbq.Queries) error {
		id := actor.ID
		r, err := q.CreateSynonymGroup(ctx, dbq.CreateSynonymGroupParams{Terms: terms, Note: note, CreatedBy: &id})
		if err != nil {
			return err
		}
		out = synonymGroup(r)
		return InsertAudit(ctx, q, Audit{Actor: actor, Action: "synonyms.create", TargetType: "synonym_group",
			TargetID: r.ID.String(), After: auditSynonyms(out)})
	})
	return out, err
}

// UpdateSynonymGroup replaces a group's terms and note; market.ErrNotFound
// when there is no such group.
func (s *Store) UpdateSynonymGroup(ctx context.Context, actor market.User, id uuid.UUID, terms []string, note string) (SynonymGroup, error) {
	var out SynonymGroup
	err := s.WithTx(ctx, func(_ pgx.Tx, q *dbq.Queries) error {
		before, err := q.SynonymGroupForUpdate(ctx, id)
		if IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		r, err := q.UpdateSynonymGroup(ctx, dbq.UpdateSynonymGroupParams{ID: id, Terms: terms, Note: note})
		if err != nil {
			return err
		}
		out = synonymGroup(r)
		return InsertAudit(ctx, q, Audit{Actor: actor, Action: "synonyms.update", TargetType: "synonym_group",
			TargetID: id.String(), Before: auditSynonyms(synonymGroup(before)), After: auditSynonyms(out)})
	})
	return out, err
}

// DeleteSynonymGroup removes a group; market.ErrNotFound when there is none.
func (s *Store) DeleteSynonymGroup(ctx context.Context, actor market.User, id uuid.UUID) error {
	return s.WithTx(ctx, func(_ pgx.Tx, q *dbq.Queries) error {
		before, err := q.SynonymGroupForUpdate(ctx, id)
		if IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := q.DeleteSynonymGroup(ctx, id); err != nil {
			return err
		}
		return InsertAudit(ctx, q, Audit{Actor: actor, Action: "synonyms.delete", TargetType: "synonym_group",
			TargetID: id.String(), Before: auditSynonyms(synonymGroup(before))})
	})
}

func auditSynonyms(g SynonymGroup) map[string]any {
	return map[string]any{"terms": g.Terms, "note": g.Note}
}
