package api

import (
	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/workshopops"
)

// Workshop operations (issue 14): roster, hand-outs, piece records,
// distribution and impact. Membership is checked by the workflow and again
// inside every store query; see server/workshops.

type (
	ResidentView     = workshopops.ResidentView
	SheetView        = workshopops.SheetView
	DistributionView = workshopops.DistributionView
	ImportResult     = workshopops.ImportResult
	WorkshopImpact   = workshopops.WorkshopImpact
	PublicImpact     = workshopops.PublicImpact
	PlatformImpact   = workshopops.PlatformImpact
)

// LangQuery lets a download link choose its language (?lang=zh|en), since a
// browser following a link sends its own Accept-Language, not the UI's.
type LangQuery struct {
	Lang string `query:"lang"`
}

func (q LangQuery) or(c *Call) string {
	if q.Lang == "zh" || q.Lang == "en" {
		return q.Lang
	}
	return c.Lang
}

func xlsx(f workshopops.File, err error) (File, error) {
	return File{Filename: f.Name, ContentType: workshopops.XLSXType, Data: f.Data, Private: true}, err
}

// ListResidentsRequest filters a workshop's roster.
type ListResidentsRequest struct {
	IDParam
	workshopops.ResidentQuery
}

func (s *Server) listResidents(c *Call, req *ListResidentsRequest) (Page[ResidentView], error) {
	return withID(req.IDParam, func(id uuid.UUID) (Page[ResidentView], error) {
		return s.ops.ListResidents(c.Ctx, c.Actor, id, req.ResidentQuery)
	})
}

// ResidentRequest creates (POST /workshops/{id}/residents) or edits (PATCH /residents/{id}) a resident.
type ResidentRequest struct {
	IDParam
	market.ResidentInput
}

func (s *Server) createResident(c *Call, req *ResidentRequest) (ResidentView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (ResidentView, error) {
		return s.ops.CreateResident(c.Ctx, c.Actor, id, req.ResidentInput)
	})
}

func (s *Server) getResident(c *Call, req *IDParam) (ResidentView, error) {
	return withID(*req, func(id uuid.UUID) (ResidentView, error) { return s.ops.GetResident(c.Ctx, c.Actor, id) })
}

func (s *Server) updateResident(c *Call, req *ResidentRequest) (ResidentView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (ResidentView, error) {
		return s.ops.UpdateResident(c.Ctx, c.Actor, id, req.ResidentInput)
	})
}

// ImportResidentsRequest is an XLSX roster as the request body.
// ?tags_consent=true confirms consent for tags the file adds.
type ImportResidentsRequest struct {
	IDParam
	Body        []byte `body:"raw" content:"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"`
	TagsConsent bool   `query:"tags_consent"`
}

func (s *Server) importResidents(c *Call, req *ImportResidentsRequest) (ImportResult, error) {
	return withID(req.IDParam, func(id uuid.UUID) (ImportResult, error) {
		return s.ops.ImportResidents(c.Ctx, c.Actor, id, req.Body, req.TagsConsent)
	})
}

// DownloadRequest is a spreadsheet download of the resource {id}.
type DownloadRequest struct {
	IDParam
	LangQuery
}

func (s *Server) exportResidents(c *Call, req *DownloadRequest) (File, error) {
	return withID(req.IDParam, func(id uuid.UUID) (File, error) {
		return xlsx(s.ops.ExportResidents(c.Ctx, c.Actor, id, req.or(c)))
	})
}

func (s *Server) pieceSheet(c *Call, req *IDParam) (SheetView, error) {
	return withID(*req, func(id uuid.UUID) (SheetView, error) { return s.ops.Sheet(c.Ctx, c.Actor, id) })
}

// SavePiecesRequest sets residents' accepted pieces, once per save_key.
type SavePiecesRequest struct {
	IDParam
	workshopops.PieceSave
}

func (s *Server) savePieces(c *Call, req *SavePiecesRequest) (SheetView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (SheetView, error) {
		return s.ops.SavePieces(c.Ctx, c.Actor, id, req.PieceSave)
	})
}

// HandoutRequest records one material movement with a resident.
type HandoutRequest struct {
	IDParam
	workshopops.Handout
}

func (s *Server) addHandout(c *Call, req *HandoutRequest) (SheetView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (SheetView, error) {
		return s.ops.AddHandout(c.Ctx, c.Actor, id, req.Handout)
	})
}

// DistributionRequest previews a draft with another community fund share.
type DistributionRequest struct {
	IDParam
	CommunityFundBP *int `query:"community_fund_bp"`
}

func (s *Server) getDistribution(c *Call, req *DistributionRequest) (DistributionView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (DistributionView, error) {
		return s.ops.Distribution(c.Ctx, c.Actor, id, req.CommunityFundBP)
	})
}

// ApproveDistributionRequest approves the draft with the reviewed fund share.
type ApproveDistributionRequest struct {
	IDParam
	workshopops.Approval
}

func (s *Server) approveDistribution(c *Call, req *ApproveDistributionRequest) (DistributionView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (DistributionView, error) {
		return s.ops.Approve(c.Ctx, c.Actor, id, req.Approval)
	})
}

// MarkPaidRequest records how a resident was paid.
type MarkPaidRequest struct {
	IDParam
	workshopops.Payment
}

func (s *Server) markLinePaid(c *Call, req *MarkPaidRequest) (DistributionView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (DistributionView, error) {
		return s.ops.MarkPaid(c.Ctx, c.Actor, id, req.Payment)
	})
}

func (s *Server) distributionXLSX(c *Call, req *DownloadRequest) (File, error) {
	return withID(req.IDParam, func(id uuid.UUID) (File, error) {
		return xlsx(s.ops.DistributionXLSX(c.Ctx, c.Actor, id, req.or(c)))
	})
}

func (s *Server) workshopImpact(c *Call, req *IDParam) (WorkshopImpact, error) {
	return withID(*req, func(id uuid.UUID) (WorkshopImpact, error) { return s.ops.WorkshopImpact(c.Ctx, c.Actor, id) })
}

func (s *Server) publicImpact(c *Call, _ *struct{}) (PublicImpact, error) {
	return s.ops.PublicImpact(c.Ctx)
}

func (s *Server) platformImpact(c *Call, _ *struct{}) (PlatformImpact, error) {
	return s.ops.PlatformImpact(c.Ctx, c.Actor)
}
