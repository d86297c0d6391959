package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"doorstep/server/market"
	"doorstep/server/uploads"
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

// File is a binary response: an image, a spreadsheet.
type File struct {
	Data        []byte
	ContentType string
	Filename    string // set: downloaded as an attachment
	Private     bool   // not cached by shared caches
}

func (f File) send(fc *fiber.Ctx) error {
	fc.Set(fiber.HeaderContentType, f.ContentType)
	if f.Filename != "" {
		fc.Set(fiber.HeaderContentDisposition, `attachment; filename="`+f.Filename+`"`)
	}
	if f.Private {
		fc.Set(fiber.HeaderCacheControl, "private, max-age=3600")
	}
	return fc.Status(http.StatusOK).Send(f.Data)
}

// adapt turns a typed handler into a fiber handler: it binds path, query and
// JSON body into Req (copying, since fiber's strings are pooled), runs the
// handler with a deadline, and writes the response.
func adapt[Req, Resp any](s *Server, status int, h Handler[Req, Resp]) fiber.Handler {
	return func(fc *fiber.Ctx) error {
		req := new(Req)
		if err := bind(fc, req, s.cfg.BodyLimitBytes); err != nil {
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
		// A handler that names its answer's version with an ETag gets
		// conditional requests answered here: the client's copy is current.
		if etag := call.extraHeader["ETag"]; etag != "" && status == http.StatusOK && etagMatches(fc.Get(fiber.HeaderIfNoneMatch), etag) {
			return fc.SendStatus(http.StatusNotModified)
		}
		if f, ok := any(resp).(File); ok {
			return f.send(fc)
		}
		if _, ok := any(resp).(NoContent); ok || status == http.StatusNoContent {
			return fc.SendStatus(http.StatusNoContent)
		}
		return fc.Status(status).JSON(resp)
	}
}

func bind(fc *fiber.Ctx, req any, jsonLimit int) error {
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
	if hasTag(rt, "body") || hasTag(rt, "header") {
		bindRaw(fc, reflect.ValueOf(req).Elem())
		if hasTag(rt, "body") {
			return nil // the body is the raw bytes (a signed webhook, a file), never JSON
		}
	}
	if hasTag(rt, "file") {
		return bindFile(fc, reflect.ValueOf(req).Elem())
	}
	if m := fc.Method(); m == http.MethodPost || m == http.MethodPatch || m == http.MethodPut {
		body := fc.Body()
		if len(bytes.TrimSpace(body)) == 0 || !hasTag(rt, "json") {
			return nil
		}
		if jsonLimit > 0 && len(body) > jsonLimit {
			return fiber.ErrRequestEntityTooLarge
		}
		if !strings.HasPrefix(fc.Get(fiber.HeaderContentType), fiber.MIMEApplicationJSON) {
			return market.E(market.CodeInvalid, "请求需为 JSON（Content-Type: application/json）", "the body must be JSON (Content-Type: application/json)")
		}
		if err := decodeStrict(body, req); err != nil {
			return err
		}
	}
	return checkText(req)
}

var errNotObject = market.E(market.CodeInvalid, "请求内容需为一个 JSON 对象", "the body must be one JSON object")

// decodeStrict reads exactly one JSON object: `null`, a list, a bare value,
// trailing text and two concatenated objects are refused.
func decodeStrict(body []byte, req any) error {
	if b := bytes.TrimSpace(body); len(b) == 0 || b[0] != '{' {
		return errNotObject
	}
	dec := json.NewDecoder(bytes.NewReader(body)) // decoding copies: nothing points into fiber's buffer
	if err := dec.Decode(req); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errNotObject
	}
	return nil
}

// bindRaw fills fields tagged body:"raw" with a copy of the request body
// (webhooks verify signatures over the exact bytes) and header:"Name" with
// that header.
func bindRaw(fc *fiber.Ctx, v reflect.Value) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Tag.Get("body") == "raw" && f.Type == reflect.TypeFor[[]byte]() {
			v.Field(i).SetBytes(bytes.Clone(fc.Body()))
		}
		if h := f.Tag.Get("header"); h != "" && f.Type.Kind() == reflect.String {
			v.Field(i).SetString(strings.Clone(fc.Get(h)))
		}
	}
}

// FileUpload is one file of a multipart form (field named by the file tag).
type FileUpload struct {
	Name string
	Data []byte
}

// bindFile reads the multipart file named by a field's file tag.
func bindFile(fc *fiber.Ctx, v reflect.Value) error {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name := t.Field(i).Tag.Get("file")
		if name == "" || t.Field(i).Type != reflect.TypeFor[FileUpload]() {
			continue
		}
		fh, err := fc.FormFile(name)
		if err != nil {
			return market.FieldError(name, "请选择要上传的文件", "choose a file to upload (multipart field "+name+")")
		}
		f, err := fh.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(io.LimitReader(f, int64(uploads.MaxBytes)+1))
		f.Close()
		if err != nil {
			return err
		}
		v.Field(i).Set(reflect.ValueOf(FileUpload{Name: strings.Clone(fh.Filename), Data: data}))
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

// etagMatches reports whether an If-None-Match header names etag (weak
// comparison, as RFC 9110 asks for GET), or is "*".
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == strings.TrimPrefix(etag, "W/") {
			return true
		}
	}
	return false
}
