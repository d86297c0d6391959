// Package synonyms is the search-synonym workflow: staff extend the
// built-in craft synonyms (search/synonyms.tsv) without a release. A change
// reaches this server's engines at once and every other replica within a
// minute (serve reloads the groups every minute; see server/engine.go).
package synonyms

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/google/uuid"

	"doorstep/search"
	"doorstep/server/market"
	"doorstep/server/store"
)

// Service runs the synonym workflows.
type Service struct {
	Store   *store.Store
	Engines []any // the search engines that take synonyms
	Log     *slog.Logger
}

// GroupView is one group: built-in groups have no id.
type GroupView struct {
	ID        string     `json:"id,omitempty"`
	Terms     []string   `json:"terms"`
	Note      string     `json:"note"` // the source or the reason
	Builtin   bool       `json:"builtin"`
	CreatedAt *time.Time `json:"created_at,omitempty"`
	UpdatedAt *time.Time `json:"updated_at,omitempty"`
}

// Groups are the built-in and the staff's groups.
type Groups struct {
	Builtin []GroupView `json:"builtin"`
	Staff   []GroupView `json:"staff"`
}

// Input is a group as staff write it.
type Input struct {
	Terms []string `json:"terms"`
	Note  string   `json:"note"`
}

// maxGroups bounds staff's groups (Meilisearch keeps all in one setting).
const maxGroups = 1000

func view(g store.SynonymGroup) GroupView {
	return GroupView{ID: g.ID.String(), Terms: g.Terms, Note: g.Note, CreatedAt: &g.CreatedAt, UpdatedAt: &g.UpdatedAt}
}

// List reads every group.
func (s *Service) List(ctx context.Context) (Groups, error) {
	out := Groups{Builtin: []GroupView{}, Staff: []GroupView{}}
	for _, g := range search.BuiltinGroups() {
		out.Builtin = append(out.Builtin, GroupView{Terms: g.Terms, Note: g.Note, Builtin: true})
	}
	groups, err := s.Store.DB().SynonymGroups(ctx)
	for _, g := range groups {
		out.Staff = append(out.Staff, view(g))
	}
	return out, err
}

// check normalizes the terms as the engines will (folded to simplified
// Chinese, lower-cased, each once) and checks the note.
func check(in Input) ([]string, string, error) {
	var v market.Validator
	terms, err := search.NormalizeGroup(in.Terms)
	v.Check(err == nil, "terms", "请填写2到10个不同的词，每个不超过20字", "give 2 to 10 different terms of at most 20 characters each")
	note := strings.TrimSpace(in.Note)
	v.Check(note != "" && len([]rune(note)) <= 500, "note", "请写明来源或理由（500字以内）", "give the source or the reason (at most 500 characters)")
	return terms, note, v.Err()
}

func audit(g store.SynonymGroup) map[string]any {
	return map[string]any{"terms": g.Terms, "note": g.Note}
}

// Create adds a group (staff), audit-logged, and reloads the engines.
func (s *Service) Create(ctx context.Context, a *market.Actor, in Input) (GroupView, error) {
	terms, note, err := check(in)
	if err != nil {
		return GroupView{}, err
	}
	var out store.SynonymGroup
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		if n, err := db.CountSynonymGroups(ctx); err != nil || n >= maxGroups {
			if err == nil {
				err = market.E(market.CodeConflict, "同义词组已达上限（1000组）", "there are already 1000 synonym groups")
			}
			return err
		}
		if out, err = db.CreateSynonymGroup(ctx, a.User.ID, terms, note); err != nil {
			return err
		}
		return db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "synonyms.create", TargetType: "synonym_group",
			TargetID: out.ID.String(), After: audit(out)})
	})
	if err != nil {
		return GroupView{}, err
	}
	s.reload(ctx)
	return view(out), nil
}

// Update replaces a group's terms and note (staff).
func (s *Service) Update(ctx context.Context, a *market.Actor, id uuid.UUID, in Input) (GroupView, error) {
	terms, note, err := check(in)
	if err != nil {
		return GroupView{}, err
	}
	var out store.SynonymGroup
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		before, err := db.LockSynonymGroup(ctx, id)
		if err != nil {
			return err
		}
		if out, err = db.UpdateSynonymGroup(ctx, id, terms, note); err != nil {
			return err
		}
		return db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "synonyms.update", TargetType: "synonym_group",
			TargetID: id.String(), Before: audit(before), After: audit(out)})
	})
	if err != nil {
		return GroupView{}, err
	}
	s.reload(ctx)
	return view(out), nil
}

// Delete removes a group (staff).
func (s *Service) Delete(ctx context.Context, a *market.Actor, id uuid.UUID) error {
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		before, err := db.LockSynonymGroup(ctx, id)
		if err != nil {
			return err
		}
		if err := db.DeleteSynonymGroup(ctx, id); err != nil {
			return err
		}
		return db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "synonyms.delete", TargetType: "synonym_group",
			TargetID: id.String(), Before: audit(before)})
	})
	if err == nil {
		s.reload(ctx)
	}
	return err
}

// reload hands the groups to the engines; a failure (Meilisearch down) is
// logged, not returned: the change is saved and the minute reload retries it.
func (s *Service) reload(ctx context.Context) {
	if err := Reload(ctx, s.Store, s.Engines...); err != nil && s.Log != nil {
		s.Log.WarnContext(ctx, "search synonyms not reloaded; the next reload retries", "err", err)
	}
}

// Reload reads staff's groups and hands them, with the built-in ones, to
// every engine that takes synonyms.
func Reload(ctx context.Context, st *store.Store, engines ...any) error {
	groups, err := st.DB().SynonymGroups(ctx)
	if err != nil {
		return err
	}
	terms := make([][]string, len(groups))
	for i, g := range groups {
		terms[i] = g.Terms
	}
	return search.ApplySynonyms(ctx, terms, engines...)
}
