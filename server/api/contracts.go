package api

import (
	"github.com/google/uuid"

	"doorstep/server/contracts"
)

type ContractView = contracts.ContractView

func (s *Server) getContract(c *Call, req *IDParam) (ContractView, error) {
	return withID(*req, func(id uuid.UUID) (ContractView, error) { return s.contracts.Get(c.Ctx, c.Actor, id) })
}

// ListContractsRequest filters the caller's contracts.
type ListContractsRequest struct {
	PageQuery
	Status  string `query:"status"`
	OrderID string `query:"order_id"`
}

func (s *Server) listContracts(c *Call, req *ListContractsRequest) (Page[ContractView], error) {
	return s.contracts.List(c.Ctx, c.Actor, req.Status, req.OrderID, req.PageQuery)
}
