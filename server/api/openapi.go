package api

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
)

// The OpenAPI document is generated from the route table and the Go request
// and response types, so it cannot drift from what the server does.

var (
	specOnce sync.Once
	specJSON []byte
)

func (s *Server) openAPI(c *fiber.Ctx) error {
	specOnce.Do(func() { specJSON, _ = json.Marshal(s.OpenAPI()) })
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	return c.Send(specJSON)
}

var pathParam = regexp.MustCompile(`:([a-zA-Z_]+)`)

// OpenAPIPath converts a Fiber route path to OpenAPI form (":id" → "{id}").
func OpenAPIPath(p string) string { return pathParam.ReplaceAllString(p, "{$1}") }

// OpenAPI builds the OpenAPI 3.0 document for the route table.
func (s *Server) OpenAPI() map[string]any {
	g := &schemaGen{components: map[string]any{}}
	paths := map[string]map[string]any{}
	for _, r := range s.Routes() {
		op := map[string]any{"summary": r.Summary, "x-access": r.Access.String(),
			"operationId": strings.ToLower(r.Method) + strings.ReplaceAll(strings.ReplaceAll(OpenAPIPath(strings.TrimPrefix(r.Path, v1)), "/", "_"), "{", "by_")}
		var params []any
		for _, f := range fields(r.Req) {
			if name, ok := f.Tag.Lookup("params"); ok {
				params = append(params, map[string]any{"name": name, "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
			}
			if name, ok := f.Tag.Lookup("query"); ok {
				params = append(params, map[string]any{"name": name, "in": "query", "schema": g.schema(f.Type)})
			}
		}
		if len(params) > 0 {
			op["parameters"] = params
		}
		if reflect.PointerTo(r.Req).Implements(reflect.TypeFor[uploader]()) {
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{uploadType: map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}}
		} else if r.Method != fiber.MethodGet && hasTag(r.Req, "json") {
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": g.schema(r.Req)}}}
		}
		ok := map[string]any{"description": "success"}
		if r.Resp == reflect.TypeFor[File]() {
			ok["content"] = map[string]any{uploadType: map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}
		} else if r.Resp != reflect.TypeFor[NoContent]() {
			ok["content"] = map[string]any{"application/json": map[string]any{"schema": g.schema(r.Resp)}}
		}
		op["responses"] = map[string]any{itoa(r.Status): ok, "default": map[string]any{"description": "error",
			"content": map[string]any{"application/json": map[string]any{"schema": g.schema(reflect.TypeFor[errorBody]())}}}}
		if r.Access != public {
			op["security"] = []any{map[string]any{"session": []any{}}, map[string]any{"bearer": []any{}}}
		}
		p := OpenAPIPath(r.Path)
		if paths[p] == nil {
			paths[p] = map[string]any{}
		}
		paths[p][strings.ToLower(r.Method)] = op
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info":    map[string]any{"title": "Doorstep (家门口) API", "version": "1", "description": "Errors are {\"error\":{\"code\",\"message\",\"fields\"}}; lists are {\"items\",\"total\",\"page\",\"per_page\"}."},
		"paths":   paths,
		"components": map[string]any{"schemas": g.components, "securitySchemes": map[string]any{
			"session": map[string]any{"type": "apiKey", "in": "cookie", "name": sessionCookie},
			"bearer":  map[string]any{"type": "http", "scheme": "bearer"},
		}},
	}
}

// uploadType is the one file type the API takes and gives: XLSX.
const uploadType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

type schemaGen struct{ components map[string]any }

var (
	timeType = reflect.TypeFor[time.Time]()
	uuidType = reflect.TypeFor[uuid.UUID]()
	rawType  = reflect.TypeFor[json.RawMessage]()
)

func (g *schemaGen) schema(t reflect.Type) map[string]any {
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t == uuidType:
		return map[string]any{"type": "string", "format": "uuid"}
	case t == rawType:
		return map[string]any{}
	}
	switch t.Kind() {
	case reflect.Pointer:
		s := g.schema(t.Elem())
		if _, isRef := s["$ref"]; isRef {
			return map[string]any{"allOf": []any{s}, "nullable": true}
		}
		s["nullable"] = true
		return s
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int32, reflect.Int64, reflect.Int16, reflect.Int8, reflect.Uint, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		name := schemaName(t)
		if _, seen := g.components[name]; !seen {
			g.components[name] = map[string]any{} // placeholder breaks recursion (RegionNode)
			props := map[string]any{}
			for _, f := range fields(t) {
				jn := strings.Split(f.Tag.Get("json"), ",")[0]
				if jn == "-" || jn == "" || !f.IsExported() {
					continue
				}
				props[jn] = g.schema(f.Type)
			}
			g.components[name] = map[string]any{"type": "object", "properties": props}
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

var nonWord = regexp.MustCompile(`[^A-Za-z0-9]+`)

// schemaName gives generic instantiations readable names: Page[...OrgView] → PageOrgView.
func schemaName(t reflect.Type) string {
	n := t.Name()
	if i := strings.Index(n, "["); i >= 0 {
		inner := n[i+1 : len(n)-1]
		if j := strings.LastIndex(inner, "."); j >= 0 {
			inner = inner[j+1:]
		}
		n = n[:i] + inner
	}
	if n == "" {
		return "Object"
	}
	return nonWord.ReplaceAllString(n, "")
}

// fields flattens embedded structs, as encoding/json does.
func fields(t reflect.Type) []reflect.StructField {
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []reflect.StructField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("json") == "" {
			out = append(out, fields(f.Type)...)
			continue
		}
		out = append(out, f)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
