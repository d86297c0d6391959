package api

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"

	"doorstep/server/market"
)

// The OpenAPI document is generated from the route table and the Go request
// and response types, so it cannot drift from what the server does. The
// frontend's TypeScript types are generated from it (npm run gen:api), and
// the API tests validate every response against it.

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
	g := newSchemaGen()
	paths := map[string]map[string]any{}
	for _, r := range s.Routes() {
		p := OpenAPIPath(r.Path)
		if paths[p] == nil {
			paths[p] = map[string]any{}
		}
		paths[p][strings.ToLower(r.Method)] = operation(g, r)
	}
	errSchema := g.schema(reflect.TypeFor[errorBody](), false)
	responses := map[string]any{}
	for _, st := range errorStatuses {
		responses[errorResponseName[st]] = map[string]any{"description": errorDescription(st),
			"content": map[string]any{"application/json": map[string]any{"schema": errSchema}}}
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "Doorstep (家门口) API", "version": "1", "description": "Errors are " +
			"{\"error\":{\"code\",\"message\",\"fields\"}} (code from a closed set; message in the Accept-Language " +
			"language, zh or en; fields maps JSON paths to messages). Lists are {\"items\",\"total\",\"page\",\"per_page\"}. " +
			"Money is in integer fen, rates in basis points. x-access says who may call a route."},
		"paths": paths,
		"components": map[string]any{"schemas": g.components, "responses": responses, "securitySchemes": map[string]any{
			"session": map[string]any{"type": "apiKey", "in": "cookie", "name": sessionCookie,
				"description": "set by /auth/login; writes with the cookie must come from the site's own origin"},
			"bearer": map[string]any{"type": "http", "scheme": "bearer", "description": "the token /auth/login returns"},
		}},
	}
}

func operation(g *schemaGen, r Route) map[string]any {
	op := map[string]any{"summary": r.Summary, "x-access": r.Access.String(),
		"operationId": strings.ToLower(r.Method) + strings.ReplaceAll(strings.ReplaceAll(OpenAPIPath(strings.TrimPrefix(r.Path, v1)), "/", "_"), "{", "by_")}
	op["operationId"] = strings.ReplaceAll(op["operationId"].(string), "}", "")
	var params []any
	query := false
	reqName := schemaName(r.Req)
	for _, f := range fields(r.Req) {
		if name, ok := f.Tag.Lookup("params"); ok {
			s := map[string]any{"type": "string"}
			if name == "id" {
				s["format"] = "uuid"
			}
			params = append(params, map[string]any{"name": name, "in": "path", "required": true, "schema": s})
		}
		if name, ok := f.Tag.Lookup("query"); ok {
			query = true
			s := g.schema(f.Type, true)
			if t, ok := queryTypes[name]; ok {
				s = clone(t)
			}
			if vals, ok := fieldEnums[reqName+"."+name]; ok {
				s = withEnum(s, vals)
			}
			params = append(params, map[string]any{"name": name, "in": "query", "schema": s})
		}
	}
	if len(params) > 0 {
		op["parameters"] = params
	}
	write := r.Method != fiber.MethodGet
	body := write && hasBody(r.Req)
	if special := specialBody(r.Req); write && special != nil {
		body = true
		op["requestBody"] = special
		if hs := headerParams(r.Req); len(hs) > 0 {
			op["parameters"] = append(params, hs...)
		}
	} else if body {
		var schema map[string]any
		if r.Method == fiber.MethodPatch || strings.HasSuffix(r.Path, "/preview") {
			schema = g.object(r.Req, reqName, true, true) // any subset of the fields
		} else {
			schema = g.schema(r.Req, true)
		}
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": schema}}}
	}
	ok := map[string]any{"description": http.StatusText(r.Status)}
	switch r.Resp {
	case reflect.TypeFor[NoContent]():
	case reflect.TypeFor[File]():
		ok["content"] = fileContent(r.Path)
	default:
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": g.schema(r.Resp, false)}}
	}
	responses := map[string]any{strconv.Itoa(r.Status): ok}
	for _, st := range routeErrors(r, query || body, body) {
		responses[strconv.Itoa(st)] = map[string]any{"$ref": "#/components/responses/" + errorResponseName[st]}
	}
	if r.Revalidated {
		responses["304"] = map[string]any{"description": "Not Modified: the copy named in If-None-Match is current"}
		op["parameters"] = append(asList(op["parameters"]), map[string]any{"name": "If-None-Match", "in": "header",
			"schema": map[string]any{"type": "string"}, "description": "the ETag of a copy the client holds"})
	}
	op["responses"] = responses
	if r.Access != public {
		op["security"] = []any{map[string]any{"session": []any{}}, map[string]any{"bearer": []any{}}}
	}
	return op
}

// errorStatuses are the statuses errors are written with (errors.go).
var errorStatuses = []int{400, 401, 403, 404, 409, 413, 429, 500, 503}

var errorResponseName = map[int]string{400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound",
	409: "Conflict", 413: "PayloadTooLarge", 429: "TooManyRequests", 500: "InternalError", 503: "Unavailable"}

// routeErrors lists the error statuses a route can answer, from its access
// level and shape: every route can fail (500) or find the database
// unavailable (503); input can be invalid; signed-in routes need a session;
// handlers refuse callers of the wrong kind or role (403) and hide other
// organisations' objects (404); every write can be refused as cross-site
// (403) and meet a conflict or a status that does not allow it (409).
func routeErrors(r Route, input, body bool) []int {
	set := map[int]bool{500: true, 503: true}
	set[400] = input
	set[401] = r.Access != public
	set[403] = r.Access != public || r.Method != fiber.MethodGet
	set[404] = strings.Contains(r.Path, ":")
	set[409] = r.Method != fiber.MethodGet
	set[413] = body
	set[429] = throttled(r)
	for _, st := range extraErrors[r.Method+" "+r.Path] {
		set[st] = true
	}
	var out []int
	for st, on := range set {
		if on {
			out = append(out, st)
		}
	}
	slices.Sort(out)
	return out
}

// extraErrors are statuses public routes answer beyond the general rules.
var extraErrors = map[string][]int{
	"POST " + v1 + "/auth/login":         {401}, // wrong email or password
	"POST " + v1 + "/invitations/accept": {404}, // unknown or used invitation token
}

// throttled routes count attempts per IP or account (auth.go).
func throttled(r Route) bool {
	return r.Method == fiber.MethodPost && (strings.HasPrefix(r.Path, v1+"/auth/") || r.Path == v1+"/me/password" ||
		r.Path == v1+"/invitations/accept" || r.Path == v1+"/orgs/:id/invitations")
}

// errorDescription names the codes behind a status (statusOf is the one table).
func errorDescription(st int) string {
	var codes []string
	for _, c := range market.Codes {
		if statusOf[c] == st {
			codes = append(codes, string(c))
		}
	}
	why := map[int]string{
		400: "a parameter or field is wrong; error.fields maps each JSON path to a message",
		401: "no valid session cookie or bearer token",
		403: "not allowed for this role, organisation kind or verification state, or a cookie write from another origin",
		404: "no such object, or not one the caller may see",
		409: "conflict: it already exists; state: the object's status does not allow this now",
		413: "the body is larger than BODY_LIMIT_BYTES",
		429: "too many attempts; Retry-After gives the seconds to wait",
		500: "unexpected failure, logged with error.request_id and never detailed",
		503: "temporarily unavailable (the database is unreachable or busy); retry after Retry-After seconds",
	}[st]
	switch {
	case st == 413:
		codes = []string{string(market.CodeInvalid)}
	case st == 503 && len(codes) == 0:
		codes = []string{"unavailable"}
	}
	return strings.Join(codes, ", ") + ": " + why
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
