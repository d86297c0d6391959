package market

import (
	"errors"
	"fmt"
	"time"
)

// Code is the closed set of error kinds the API exposes. Each maps to one
// HTTP status in server/api; business code never picks status numbers.
type Code string

const (
	CodeInvalid      Code = "invalid"
	CodeUnauthorized Code = "unauthorized"
	CodeForbidden    Code = "forbidden"
	CodeNotFound     Code = "not_found"
	CodeConflict     Code = "conflict"
	CodeState        Code = "state"
	CodeRateLimited  Code = "rate_limited"
	CodeUnavailable  Code = "unavailable" // busy or unreachable for now: retry after Retry-After
	CodeInternal     Code = "internal"
)

// Codes is the closed set, for documentation (the OpenAPI enum) and tests.
var Codes = []Code{CodeInvalid, CodeUnauthorized, CodeForbidden, CodeNotFound, CodeConflict, CodeState,
	CodeRateLimited, CodeUnavailable, CodeInternal}

// Msg is a user-facing message in both UI languages (Chinese first).
type Msg struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// In returns the message for a language tag such as "zh-CN" or "en".
func (m Msg) In(lang string) string {
	if lang == "en" || m.ZH == "" {
		return m.EN
	}
	return m.ZH
}

// Error is a domain error that is safe to show: its messages were written
// for users. Anything that is not an *Error is reported as internal.
type Error struct {
	Code    Code
	Message Msg
	Fields  map[string]Msg
	Data    any // shown as error.data, e.g. the existing payment a repeated request collided with
	// RetryAfter, for rate_limited and unavailable, is when trying again can
	// succeed (the Retry-After header); zero lets the API pick a default.
	RetryAfter time.Duration
}

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return fmt.Sprintf("%s: %s", e.Code, e.Message.EN)
	}
	return fmt.Sprintf("%s: %s %v", e.Code, e.Message.EN, e.Fields)
}

// E builds an error with a bilingual message.
func E(code Code, zh, en string) *Error {
	return &Error{Code: code, Message: Msg{zh, en}}
}

// WithField returns a copy of e that also names a field.
func (e *Error) WithField(field, zh, en string) *Error {
	c := *e
	c.Fields = make(map[string]Msg, len(e.Fields)+1)
	for k, v := range e.Fields {
		c.Fields[k] = v
	}
	c.Fields[field] = Msg{zh, en}
	return &c
}

// WithData returns a copy of e carrying data for the client.
func (e *Error) WithData(data any) *Error {
	c := *e
	c.Data = data
	return &c
}

// FieldError is the common case: one invalid field.
func FieldError(field, zh, en string) *Error {
	return E(CodeInvalid, "请检查填写的内容", "please check the highlighted fields").WithField(field, zh, en)
}

// ErrorCode reports the code of err, or internal for foreign errors.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

var (
	ErrNotFound     = E(CodeNotFound, "未找到", "not found")
	ErrUnauthorized = E(CodeUnauthorized, "请先登录", "please sign in")
	ErrForbidden    = E(CodeForbidden, "没有权限执行此操作", "you are not allowed to do this")
)

// Validator collects field errors so a form gets every problem at once.
type Validator struct{ fields map[string]Msg }

// Check records a field error when ok is false. The first error per field wins.
func (v *Validator) Check(ok bool, field, zh, en string) bool {
	if ok {
		return true
	}
	if v.fields == nil {
		v.fields = map[string]Msg{}
	}
	if _, seen := v.fields[field]; !seen {
		v.fields[field] = Msg{zh, en}
	}
	return false
}

// Has reports whether a field already failed.
func (v *Validator) Has(field string) bool { _, ok := v.fields[field]; return ok }

// Err returns nil or one invalid error naming every failed field.
func (v *Validator) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Code: CodeInvalid, Message: Msg{"请检查填写的内容", "please check the highlighted fields"}, Fields: v.fields}
}

// MergeInvalid combines several validation errors into one, so a form sees
// every field problem at once. Non-validation errors are returned first-come.
func MergeInvalid(errs ...error) error {
	var out *Error
	for _, err := range errs {
		if err == nil {
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeInvalid {
			return err
		}
		if out == nil {
			out = &Error{Code: CodeInvalid, Message: e.Message, Fields: map[string]Msg{}}
		}
		for k, m := range e.Fields {
			out.Fields[k] = m
		}
	}
	if out == nil {
		return nil
	}
	return out
}
