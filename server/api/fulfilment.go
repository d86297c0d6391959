package api

import (
	"github.com/google/uuid"

	"doorstep/server/fulfilment"
	"doorstep/server/market"
)

type DispatchRequest struct {
	IDParam
	market.DispatchInput
}

func (s *Server) dispatchMaterials(c *Call, req *DispatchRequest) (fulfilment.DispatchView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (fulfilment.DispatchView, error) {
		return s.fulfilment.Dispatch(c.Ctx, c.Actor, id, req.DispatchInput)
	})
}

type ReceiptRequestBody struct {
	IDParam
	market.ReceiptInput
}

func (s *Server) receiveMaterials(c *Call, req *ReceiptRequestBody) (fulfilment.DispatchView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (fulfilment.DispatchView, error) {
		return s.fulfilment.Receive(c.Ctx, c.Actor, id, req.ReceiptInput)
	})
}

type ReturnRequest struct {
	IDParam
	Quantity int64  `json:"quantity"`
	Note     string `json:"note"`
}

func (s *Server) returnMaterials(c *Call, req *ReturnRequest) (fulfilment.ReturnView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (fulfilment.ReturnView, error) {
		return s.fulfilment.Return(c.Ctx, c.Actor, id, req.Quantity, req.Note)
	})
}

type DeliveryRequest struct {
	IDParam
	market.DeliveryInput
}

func (s *Server) deliver(c *Call, req *DeliveryRequest) (fulfilment.DeliveryView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (fulfilment.DeliveryView, error) {
		return s.fulfilment.Deliver(c.Ctx, c.Actor, id, req.DeliveryInput)
	})
}

type InspectRequest struct {
	IDParam
	market.InspectionInput
}

func (s *Server) inspect(c *Call, req *InspectRequest) (fulfilment.DeliveryView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (fulfilment.DeliveryView, error) {
		return s.fulfilment.Inspect(c.Ctx, c.Actor, id, req.InspectionInput)
	})
}

type DisputeRequest struct {
	IDParam
	market.DisputeInput
}

func (s *Server) dispute(c *Call, req *DisputeRequest) (fulfilment.DisputeDetail, error) {
	return withID(req.IDParam, func(id uuid.UUID) (fulfilment.DisputeDetail, error) {
		return s.fulfilment.Dispute(c.Ctx, c.Actor, id, req.DisputeInput)
	})
}

type DisputesRequest struct {
	PageQuery
	Status string `query:"status"`
}

func (s *Server) listDisputes(c *Call, req *DisputesRequest) (Page[fulfilment.DisputeView], error) {
	return s.fulfilment.Disputes(c.Ctx, req.Status, req.PageQuery)
}

func (s *Server) getDispute(c *Call, req *IDParam) (fulfilment.DisputeDetail, error) {
	return withID(*req, func(id uuid.UUID) (fulfilment.DisputeDetail, error) {
		return s.fulfilment.DisputeDetail(c.Ctx, c.Actor, id)
	})
}

// TextRequest is a message or comment with photos.
type TextRequest struct {
	IDParam
	Body     string   `json:"body"`
	PhotoIDs []string `json:"photo_ids"`
}

func (s *Server) commentDispute(c *Call, req *TextRequest) (fulfilment.CommentView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (fulfilment.CommentView, error) {
		return s.fulfilment.Comment(c.Ctx, c.Actor, id, req.Body, req.PhotoIDs)
	})
}

type ResolveDisputeRequest struct {
	IDParam
	Accepted int64  `json:"accepted"`
	Note     string `json:"note"`
}

// DecisionPreviewRequest asks what accepting some of a dispute's pieces would pay.
type DecisionPreviewRequest struct {
	IDParam
	Accepted int64 `json:"accepted"`
}

func (s *Server) previewDecision(c *Call, req *DecisionPreviewRequest) (market.DecisionMoney, error) {
	return withID(req.IDParam, func(id uuid.UUID) (market.DecisionMoney, error) {
		return s.fulfilment.DecisionPreview(c.Ctx, c.Actor, id, req.Accepted)
	})
}

func (s *Server) resolveDispute(c *Call, req *ResolveDisputeRequest) (fulfilment.DisputeDetail, error) {
	return withID(req.IDParam, func(id uuid.UUID) (fulfilment.DisputeDetail, error) {
		return s.fulfilment.Resolve(c.Ctx, c.Actor, id, req.Accepted, req.Note)
	})
}

func (s *Server) timeline(c *Call, req *IDParam) (fulfilment.Timeline, error) {
	return withID(*req, func(id uuid.UUID) (fulfilment.Timeline, error) { return s.fulfilment.Timeline(c.Ctx, c.Actor, id) })
}

type MessagesRequest struct {
	IDParam
	PageQuery
}

func (s *Server) listMessages(c *Call, req *MessagesRequest) (Page[fulfilment.CommentView], error) {
	return withID(req.IDParam, func(id uuid.UUID) (Page[fulfilment.CommentView], error) {
		return s.fulfilment.Messages(c.Ctx, c.Actor, id, req.PageQuery)
	})
}

func (s *Server) postMessage(c *Call, req *TextRequest) (fulfilment.CommentView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (fulfilment.CommentView, error) {
		return s.fulfilment.PostMessage(c.Ctx, c.Actor, id, req.Body, req.PhotoIDs)
	})
}

func (s *Server) endShort(c *Call, req *IDParam) (ContractView, error) {
	return withID(*req, func(id uuid.UUID) (ContractView, error) {
		if err := s.fulfilment.EndShort(c.Ctx, c.Actor, id); err != nil {
			return ContractView{}, err
		}
		return s.contracts.Get(c.Ctx, c.Actor, id)
	})
}

func (s *Server) settle(c *Call, req *IDParam) (ContractView, error) {
	return withID(*req, func(id uuid.UUID) (ContractView, error) {
		if err := s.settlement.SettleNow(c.Ctx, c.Actor, id); err != nil {
			return ContractView{}, err
		}
		return s.contracts.Get(c.Ctx, c.Actor, id)
	})
}
