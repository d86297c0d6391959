package market

import (
	"slices"

	"github.com/google/uuid"
)

// Page is the envelope of every list the API returns.
type Page[T any] struct {
	Items   []T   `json:"items"`
	Total   int64 `json:"total"`
	Page    int   `json:"page"`
	PerPage int   `json:"per_page"`
}

// PageQuery is the paging part of a list request (?page=&per_page=).
type PageQuery struct {
	Page    int `query:"page"`
	PerPage int `query:"per_page"`
}

// Limits validates paging, fills the defaults (page 1, 20 per page) and
// returns LIMIT and OFFSET.
func (p *PageQuery) Limits() (limit, offset int32, err error) {
	var v Validator
	v.Check(p.Page >= 0 && p.Page <= 100000, "page", "页码无效", "page must be between 1 and 100000")
	v.Check(p.PerPage >= 0 && p.PerPage <= 100, "per_page", "每页条数需在1到100之间", "per_page must be between 1 and 100")
	if err := v.Err(); err != nil {
		return 0, 0, err
	}
	if p.Page == 0 {
		p.Page = 1
	}
	if p.PerPage == 0 {
		p.PerPage = 20
	}
	return int32(p.PerPage), int32((p.Page - 1) * p.PerPage), nil
}

// NewPage starts an envelope for the query's page.
func NewPage[T any](q PageQuery, total int64, items []T) Page[T] {
	if items == nil {
		items = []T{}
	}
	return Page[T]{Items: items, Total: total, Page: q.Page, PerPage: q.PerPage}
}

// ListFilters validates a list's optional status (one of statuses) and
// order_id, returning them as nullable query parameters.
func ListFilters[S ~string](status string, statuses []S, orderID string) (st *string, oid *uuid.UUID, err error) {
	var v Validator
	if status != "" {
		v.Check(slices.Contains(statuses, S(status)), "status", "未知的状态", "unknown status")
		st = &status
	}
	if orderID != "" {
		id, perr := uuid.Parse(orderID)
		v.Check(perr == nil, "order_id", "订单编号无效", "order_id is not a valid id")
		oid = &id
	}
	return st, oid, v.Err()
}
