package api

import (
	"github.com/google/uuid"

	"doorstep/server/market"
)

// Page and PageQuery are the list envelope and paging parameters.
type (
	Page[T any] = market.Page[T]
	PageQuery   = market.PageQuery
)

// IDParam is the :id path parameter; a malformed id is simply not found.
type IDParam struct {
	ID string `params:"id" json:"-"`
}

func (p IDParam) uuid() (uuid.UUID, error) {
	id, err := uuid.Parse(p.ID)
	if err != nil {
		return uuid.Nil, market.ErrNotFound
	}
	return id, nil
}

// ReasonRequest is an id with an optional written reason.
type ReasonRequest struct {
	IDParam
	Reason string `json:"reason" text:"multiline"`
}

// Accepted answers requests whose work happens later.
type Accepted struct {
	Status string `json:"status"`
}

// withID runs fn with the parsed path id.
func withID[T any](p IDParam, fn func(uuid.UUID) (T, error)) (T, error) {
	id, err := p.uuid()
	if err != nil {
		var zero T
		return zero, err
	}
	return fn(id)
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
