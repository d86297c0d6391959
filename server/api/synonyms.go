package api

import (
	"github.com/google/uuid"

	"doorstep/server/synonyms"
)

func (s *Server) listSynonyms(c *Call, _ *struct{}) (synonyms.Groups, error) {
	return s.synonyms.List(c.Ctx)
}

func (s *Server) createSynonyms(c *Call, req *synonyms.Input) (synonyms.GroupView, error) {
	return s.synonyms.Create(c.Ctx, c.Actor, *req)
}

type UpdateSynonymGroupRequest struct {
	IDParam
	synonyms.Input
}

func (s *Server) updateSynonyms(c *Call, req *UpdateSynonymGroupRequest) (synonyms.GroupView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (synonyms.GroupView, error) {
		return s.synonyms.Update(c.Ctx, c.Actor, id, req.Input)
	})
}

func (s *Server) deleteSynonyms(c *Call, req *IDParam) (NoContent, error) {
	return withID(*req, func(id uuid.UUID) (NoContent, error) { return NoContent{}, s.synonyms.Delete(c.Ctx, c.Actor, id) })
}
