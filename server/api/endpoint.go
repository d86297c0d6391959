package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"doorstep/server/market"
)

// Call is what a handler sees of a request: no *fiber.Ctx, so business code
// cannot keep pooled request memory or write responses by hand.
type Call struct {
	Ctx       context.Context
	Actor     *market.Actor // nil when anonymous
	Lang      string
	IP        string
	UserAgent string
	RequestID string

	setCookie   *fiber.Cookie
	extraHeader map[string]string
}

// SetSession asks the adapter to set (or, with an empty token, clear) the session cookie.
func (c *Call) SetSession(token string, expires time.Time) {
	c.setCookie = &fiber.Cookie{Name: sessionCookie, Value: token, Expires: expires}
}

// Header adds a response header.
func (c *Call) Header(k, v string) {
	if c.extraHeader == nil {
		c.extraHeader = map[string]string{}
	}
	c.extraHeader[k] = v
}

// Handler is the shape of every endpoint: typed request in, typed response out.
type Handler[Req, Resp any] func(c *Call, req *Req) (Resp, error)

// NoContent is the response of endpoints that answer 204.
type NoContent struct{}

// File is a download response: written as it is, with its content type and
// a Content-Disposition naming the file.
type File struct {
	Name, ContentType string
	Data              []byte
}

// Upload is embedded in a request type whose body is a file (not JSON): the
// adapter hands the raw bytes over in Body.
type Upload struct {
	Body []byte `json:"-"`
}

func (u *Upload) setBody(b []byte) { u.Body = b }

type uploader interface{ setBody([]byte) }

// adapt turns a typed handler into a fiber handler: it binds path, query and
// JSON body into Req (copying, since fiber's strings are pooled), runs the
// handler with a deadline, and writes the response.
func adapt[Req, Resp any](s *Server, status int, h Handler[Req, Resp]) fiber.Handler {
	return func(fc *fiber.Ctx) error {
		req := new(Req)
		if err := bind(fc, req); err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(fc.UserContext(), s.cfg.WriteTimeout)
		defer cancel()
		call := s.newCall(fc, ctx)
		resp, err := h(call, req)
		if err != nil {
			return err
		}
		if call.setCookie != nil {
			s.applyCookie(fc, call.setCookie)
		}
		for k, v := range call.extraHeader {
			fc.Set(k, v)
		}
		if _, ok := any(resp).(NoContent); ok || status == http.StatusNoContent {
			return fc.SendStatus(http.StatusNoContent)
		}
		if f, ok := any(resp).(File); ok {
			fc.Set(fiber.HeaderContentType, f.ContentType)
			fc.Set(fiber.HeaderContentDisposition, `attachment; filename="`+f.Name+`"`)
			fc.Set(fiber.HeaderCacheControl, "no-store")
			return fc.Status(status).Send(f.Data)
		}
		return fc.Status(status).JSON(resp)
	}
}

func bind(fc *fiber.Ctx, req any) error {
	rt := reflect.TypeOf(req).Elem()
	if rt.Kind() != reflect.Struct {
		return nil
	}
	if hasTag(rt, "params") {
		if err := fc.ParamsParser(req); err != nil {
			return market.ErrNotFound
		}
	}
	if hasTag(rt, "query") {
		if err := fc.QueryParser(req); err != nil {
			return queryError(err)
		}
	}
	if u, ok := req.(uploader); ok {
		u.setBody(bytes.Clone(fc.Body())) // fiber reuses its buffer after the handler
		return nil
	}
	if m := fc.Method(); m == http.MethodPost || m == http.MethodPatch || m == http.MethodPut {
		body := fc.Body()
		if len(bytes.TrimSpace(body)) == 0 || !hasTag(rt, "json") {
			return nil
		}
		if !strings.HasPrefix(fc.Get(fiber.HeaderContentType), fiber.MIMEApplicationJSON) {
			return market.E(market.CodeInvalid, "请求需为 JSON（Content-Type: application/json）", "the body must be JSON (Content-Type: application/json)")
		}
		dec := json.NewDecoder(bytes.NewReader(body)) // decoding copies: nothing points into fiber's buffer
		if err := dec.Decode(req); err != nil {
			return jsonError(err)
		}
	}
	return nil
}

func hasTag(t reflect.Type, tag string) bool {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if _, ok := f.Tag.Lookup(tag); ok {
			return true
		}
		if f.Anonymous && f.Type.Kind() == reflect.Struct && hasTag(f.Type, tag) {
			return true
		}
	}
	return false
}

func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return market.FieldError(jsonPath(te.Field), "类型不正确，应为"+jsonKindZH(te.Type.Kind()), "wrong type; expected "+jsonKindEN(te.Type.Kind()))
	}
	return market.E(market.CodeInvalid, "请求内容不是有效的 JSON", "the body is not valid JSON")
}

// jsonPath drops the Go names of embedded structs that encoding/json puts in
// error paths ("OrgInput.name" → "name"); JSON keys here are lower case.
func jsonPath(field string) string {
	parts := strings.Split(field, ".")
	out := parts[:0]
	for _, p := range parts {
		if p != "" && !(p[0] >= 'A' && p[0] <= 'Z') {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}

func queryError(err error) error {
	msg := err.Error()
	// gorilla/schema reports "schema: error converting value for \"page\"".
	if i := strings.Index(msg, `"`); i >= 0 {
		if j := strings.Index(msg[i+1:], `"`); j >= 0 {
			return market.FieldError(msg[i+1:i+1+j], "参数值无效", "invalid value")
		}
	}
	return market.E(market.CodeInvalid, "查询参数无效", "invalid query parameters")
}

func jsonKindEN(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "a number"
}

func jsonKindZH(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "文本"
	case reflect.Bool:
		return "是或否"
	case reflect.Slice, reflect.Array:
		return "列表"
	case reflect.Struct, reflect.Map:
		return "对象"
	}
	return "数字"
}
