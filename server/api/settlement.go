package api

import (
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/settlement"
)

func (s *Server) statement(c *Call, req *IDParam) (settlement.Statement, error) {
	return withID(*req, func(id uuid.UUID) (settlement.Statement, error) { return s.settlement.Statement(c.Ctx, c.Actor, id) })
}

func (s *Server) statementXLSX(c *Call, req *IDParam) (File, error) {
	return withID(*req, func(id uuid.UUID) (File, error) {
		data, name, err := s.settlement.StatementXLSX(c.Ctx, c.Actor, id, c.Lang)
		return File{Data: data, ContentType: xlsxType, Filename: name, Private: true}, err
	})
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

type RateRequest struct {
	IDParam
	settlement.RatingInput
}

func (s *Server) rate(c *Call, req *RateRequest) (settlement.Statement, error) {
	return withID(req.IDParam, func(id uuid.UUID) (settlement.Statement, error) {
		return s.settlement.Rate(c.Ctx, c.Actor, id, req.RatingInput)
	})
}

// SettlementsRequest is a date range (days, China time; to is exclusive).
type SettlementsRequest struct {
	From string `query:"from"`
	To   string `query:"to"`
}

func (s *Server) settlementsXLSX(c *Call, req *SettlementsRequest) (File, error) {
	var v market.Validator
	from, ferr := time.ParseInLocation(time.DateOnly, req.From, market.ChinaTime)
	to, terr := time.ParseInLocation(time.DateOnly, req.To, market.ChinaTime)
	v.Check(ferr == nil, "from", "请填写开始日期（YYYY-MM-DD）", "from must be a day (YYYY-MM-DD)")
	v.Check(terr == nil, "to", "请填写结束日期（YYYY-MM-DD）", "to must be a day (YYYY-MM-DD)")
	if ferr == nil && terr == nil {
		v.Check(to.After(from) && to.Sub(from) <= 400*24*time.Hour, "to", "结束日期需晚于开始日期，且不超过400天", "to must be after from, at most 400 days later")
	}
	if err := v.Err(); err != nil {
		return File{}, err
	}
	data, err := s.settlement.SettlementsXLSX(c.Ctx, c.Actor, from, to, c.Lang)
	return File{Data: data, ContentType: xlsxType, Filename: "settlements-" + req.From + "-" + req.To + ".xlsx", Private: true}, err
}

func (s *Server) platformStats(c *Call, _ *struct{}) (settlement.PlatformStats, error) {
	return s.settlement.Stats(c.Ctx)
}
