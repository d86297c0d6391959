package api

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"doorstep/search"
	"doorstep/server/market"
	"doorstep/server/store"
)

// statusOf is the one table from error code to HTTP status.
var statusOf = map[market.Code]int{
	market.CodeInvalid:      http.StatusBadRequest,
	market.CodeUnauthorized: http.StatusUnauthorized,
	market.CodeForbidden:    http.StatusForbidden,
	market.CodeNotFound:     http.StatusNotFound,
	market.CodeConflict:     http.StatusConflict,
	market.CodeState:        http.StatusConflict,
	market.CodeRateLimited:  http.StatusTooManyRequests,
	market.CodeUnavailable:  http.StatusServiceUnavailable,
	market.CodeInternal:     http.StatusInternalServerError,
}

type errorBody struct {
	Error errorPayload `json:"error"`
}

type errorPayload struct {
	Code      market.Code       `json:"code"`
	Message   string            `json:"message"`
	Fields    map[string]string `json:"fields,omitempty"`
	RequestID string            `json:"request_id,omitempty"`
	Data      any               `json:"data,omitempty"` // e.g. the open payment a repeated pay request collided with
}

var (
	errInternal    = market.E(market.CodeInternal, "服务器内部错误，请稍后重试", "internal error; please try again later")
	errUnavailable = market.E(market.CodeUnavailable, "服务繁忙或暂时不可用，请稍后重试", "the service is busy or briefly unavailable; please try again shortly")
)

// writeError is the single place errors become responses. Domain errors are
// shown as they are; anything else is logged with the request id and hidden.
func (s *Server) writeError(c *fiber.Ctx, err error) error {
	status := http.StatusInternalServerError
	var me *market.Error
	var fe *fiber.Error
	switch {
	case errors.As(err, &me):
		status = statusOf[me.Code]
	case errors.As(err, &fe):
		me, status = fromFiberError(fe)
	case store.IsUnavailable(err):
		// A held lock, a full pool or a lost database: the client may retry.
		s.log.WarnContext(c.UserContext(), "database unavailable", "err", err, "request_id", requestID(c),
			"method", c.Method(), "path", c.Path())
		me, status = errUnavailable, http.StatusServiceUnavailable
	case errors.Is(err, search.ErrUnavailable):
		s.log.WarnContext(c.UserContext(), "search engine unavailable", "err", err, "request_id", requestID(c),
			"method", c.Method(), "path", c.Path())
		me, status = errUnavailable, http.StatusServiceUnavailable
	}
	if me == nil || me.Code == market.CodeInternal {
		s.log.ErrorContext(c.UserContext(), "request failed", "err", err, "request_id", requestID(c),
			"method", c.Method(), "path", c.Path())
		me, status = errInternal, http.StatusInternalServerError
	}
	lang := language(c)
	body := errorBody{Error: errorPayload{Code: me.Code, Message: me.Message.In(lang), RequestID: requestID(c), Data: me.Data}}
	if len(me.Fields) > 0 {
		body.Error.Fields = make(map[string]string, len(me.Fields))
		for k, m := range me.Fields {
			body.Error.Fields[k] = m.In(lang)
		}
	}
	switch me.Code {
	case market.CodeRateLimited:
		c.Set(fiber.HeaderRetryAfter, retryAfter(me.RetryAfter, time.Minute))
	case market.CodeUnavailable:
		c.Set(fiber.HeaderRetryAfter, retryAfter(me.RetryAfter, 2*time.Second))
	}
	return c.Status(status).JSON(body)
}

// retryAfter is a Retry-After value in whole seconds, rounded up so a client
// that waits exactly that long is not refused again.
func retryAfter(d, fallback time.Duration) string {
	if d <= 0 {
		d = fallback
	}
	return strconv.FormatInt(int64((d+time.Second-1)/time.Second), 10)
}

// fromFiberError maps the framework's own errors (unknown route, body too
// large, bad method) onto the closed code set.
func fromFiberError(fe *fiber.Error) (*market.Error, int) {
	switch fe.Code {
	case http.StatusNotFound:
		return market.ErrNotFound, fe.Code
	case http.StatusMethodNotAllowed:
		return market.E(market.CodeNotFound, "不支持该请求方法", "method not allowed"), fe.Code
	case http.StatusRequestEntityTooLarge:
		return market.E(market.CodeInvalid, "请求内容过大", "request body too large"), fe.Code
	case http.StatusRequestTimeout:
		return market.E(market.CodeInvalid, "请求超时", "request timed out"), fe.Code
	case http.StatusUnsupportedMediaType, http.StatusBadRequest, http.StatusRequestHeaderFieldsTooLarge:
		return market.E(market.CodeInvalid, "请求格式不正确", "malformed request"), fe.Code
	}
	return nil, http.StatusInternalServerError
}

// language picks the message language from Accept-Language: Chinese for a
// zh-* first preference, English otherwise (so curl gets English).
func language(c *fiber.Ctx) string {
	h := strings.ToLower(strings.TrimSpace(c.Get(fiber.HeaderAcceptLanguage)))
	if strings.HasPrefix(h, "zh") {
		return "zh"
	}
	return "en"
}
