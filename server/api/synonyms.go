package api

import (
	"context"
	"strings"
	"time"

	"doorstep/search"
	"doorstep/server/market"
	"doorstep/server/store"
)

// Search synonyms: staff extend the built-in craft synonyms
// (search/synonyms.tsv) without a release. A change reaches this server's
// engines at once and every other replica within a minute (serve reloads
// the groups every minute; see server/engine.go).

// SynonymGroupView is one group: built-in groups have no id.
type SynonymGroupView struct {
	ID        string     `json:"id,omitempty"`
	Terms     []string   `json:"terms"`
	Note      string     `json:"note"` // the source or the reason
	Builtin   bool       `json:"builtin"`
	CreatedAt *time.Time `json:"created_at,omitempty"`
	UpdatedAt *time.Time `json:"updated_at,omitempty"`
}

type SynonymsResponse struct {
	Builtin []SynonymGroupView `json:"builtin"`
	Staff   []SynonymGroupView `json:"staff"`
}

type SynonymGroupRequest struct {
	Terms []string `json:"terms"`
	Note  string   `json:"note"`
}

type UpdateSynonymGroupRequest struct {
	IDParam
	SynonymGroupRequest
}

// maxSynonymGroups bounds staff's groups (Meilisearch keeps all in one setting).
const maxSynonymGroups = 1000

func (s *Server) listSynonyms(c *Call, _ *struct{}) (SynonymsResponse, error) {
	out := SynonymsResponse{Builtin: []SynonymGroupView{}, Staff: []SynonymGroupView{}}
	for _, g := range search.BuiltinGroups() {
		out.Builtin = append(out.Builtin, SynonymGroupView{Terms: g.Terms, Note: g.Note, Builtin: true})
	}
	groups, err := s.store.SynonymGroups(c.Ctx)
	for _, g := range groups {
		out.Staff = append(out.Staff, synonymView(g))
	}
	return out, err
}

func (s *Server) createSynonyms(c *Call, req *SynonymGroupRequest) (SynonymGroupView, error) {
	terms, note, err := checkSynonymGroup(req)
	if err != nil {
		return SynonymGroupView{}, err
	}
	if n, err := s.store.CountSynonymGroups(c.Ctx); err != nil || n >= maxSynonymGroups {
		if err == nil {
			err = market.E(market.CodeConflict, "同义词组已达上限（1000组）", "there are already 1000 synonym groups")
		}
		return SynonymGroupView{}, err
	}
	g, err := s.store.CreateSynonymGroup(c.Ctx, c.Actor.User, terms, note)
	if err != nil {
		return SynonymGroupView{}, err
	}
	s.reloadSynonyms(c.Ctx)
	return synonymView(g), nil
}

func (s *Server) updateSynonyms(c *Call, req *UpdateSynonymGroupRequest) (SynonymGroupView, error) {
	id, err := req.uuid()
	if err != nil {
		return SynonymGroupView{}, err
	}
	terms, note, err := checkSynonymGroup(&req.SynonymGroupRequest)
	if err != nil {
		return SynonymGroupView{}, err
	}
	g, err := s.store.UpdateSynonymGroup(c.Ctx, c.Actor.User, id, terms, note)
	if err != nil {
		return SynonymGroupView{}, err
	}
	s.reloadSynonyms(c.Ctx)
	return synonymView(g), nil
}

func (s *Server) deleteSynonyms(c *Call, req *IDParam) (NoContent, error) {
	id, err := req.uuid()
	if err != nil {
		return NoContent{}, err
	}
	if err := s.store.DeleteSynonymGroup(c.Ctx, c.Actor.User, id); err != nil {
		return NoContent{}, err
	}
	s.reloadSynonyms(c.Ctx)
	return NoContent{}, nil
}

// checkSynonymGroup normalizes the terms as the engines will (folded to
// simplified Chinese, lower-cased, each once) and checks the note.
func checkSynonymGroup(req *SynonymGroupRequest) ([]string, string, error) {
	var v market.Validator
	terms, err := search.NormalizeGroup(req.Terms)
	v.Check(err == nil, "terms", "请填写2到10个不同的词，每个不超过20字", "give 2 to 10 different terms of at most 20 characters each")
	note := strings.TrimSpace(req.Note)
	v.Check(note != "" && len([]rune(note)) <= 500, "note", "请写明来源或理由（500字以内）", "give the source or the reason (at most 500 characters)")
	return terms, note, v.Err()
}

// reloadSynonyms hands the built-in and staff groups to the search engines.
// A failure (Meilisearch down) is logged, not returned: the change is saved
// and the minute reload retries it.
func (s *Server) reloadSynonyms(ctx context.Context) {
	if err := ReloadSynonyms(ctx, s.store, s.engine, s.workshops); err != nil {
		s.log.WarnContext(ctx, "search synonyms not reloaded; the next reload retries", "err", err)
	}
}

// ReloadSynonyms reads staff's groups and hands them, with the built-in
// ones, to every engine that takes synonyms (serve calls it every minute).
func ReloadSynonyms(ctx context.Context, st *store.Store, engines ...any) error {
	groups, err := st.SynonymGroups(ctx)
	if err != nil {
		return err
	}
	terms := make([][]string, len(groups))
	for i, g := range groups {
		terms[i] = g.Terms
	}
	return search.ApplySynonyms(ctx, terms, engines...)
}

func synonymView(g store.SynonymGroup) SynonymGroupView {
	return SynonymGroupView{ID: g.ID.String(), Terms: g.Terms, Note: g.Note, CreatedAt: &g.CreatedAt, UpdatedAt: &g.UpdatedAt}
}
