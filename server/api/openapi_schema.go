package api

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// schemaGen turns Go types into OpenAPI 3.0 schemas, one component per
// named struct. Rules, the same for every type:
//   - a response field is required unless its json tag says omitempty (a
//     pointer without omitempty is always present, possibly null; with
//     omitempty it is absent instead, never null);
//   - a request field is required unless it is a pointer, a slice or map, or
//     tagged omitempty (decoding ignores omitempty, so the tag only documents);
//   - enums and formats come from the tables in openapi_enums.go.
type schemaGen struct {
	components map[string]any
	modeOf     map[string]bool // component name → generated as a request type
}

var (
	timeType = reflect.TypeFor[time.Time]()
	uuidType = reflect.TypeFor[uuid.UUID]()
	rawType  = reflect.TypeFor[json.RawMessage]()
)

func newSchemaGen() *schemaGen {
	return &schemaGen{components: map[string]any{}, modeOf: map[string]bool{}}
}

// schema is the schema of t; request selects the request rules for required fields.
func (g *schemaGen) schema(t reflect.Type, request bool) map[string]any {
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t == uuidType:
		return map[string]any{"type": "string", "format": "uuid"}
	case t == rawType:
		return map[string]any{"description": "any JSON value", "nullable": true}
	}
	if vals, ok := typeEnums[t]; ok {
		return map[string]any{"type": "string", "enum": vals}
	}
	switch t.Kind() {
	case reflect.Pointer:
		s := g.schema(t.Elem(), request)
		if _, isRef := s["$ref"]; isRef {
			return map[string]any{"allOf": []any{s}, "nullable": true}
		}
		s["nullable"] = true
		return s
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int64, reflect.Uint64:
		return map[string]any{"type": "integer", "format": "int64"}
	case reflect.Int32, reflect.Uint32:
		return map[string]any{"type": "integer", "format": "int32"}
	case reflect.Int, reflect.Int16, reflect.Int8, reflect.Uint, reflect.Uint16, reflect.Uint8:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number", "format": "double"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem(), request)}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem(), request)}
	case reflect.Struct:
		name := schemaName(t)
		if prev, seen := g.modeOf[name]; seen {
			if _, done := g.components[name]; done && prev != request {
				// Shared by requests and responses: the rules must agree.
				if !reflect.DeepEqual(g.components[name], g.object(t, name, request, false)) {
					panic(fmt.Sprintf("openapi: %s differs as a request and as a response; give the request its own type", name))
				}
			}
		} else {
			g.modeOf[name] = request
			g.components[name] = map[string]any{} // placeholder breaks recursion (RegionNode)
			g.components[name] = g.object(t, name, request, false)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

// object is the inline schema of a struct; partial drops every required
// field (PATCH bodies and previews take any subset).
func (g *schemaGen) object(t reflect.Type, name string, request, partial bool) map[string]any {
	props := map[string]any{}
	var required []string
	for _, f := range ownedFields(t, name) {
		jn, omit := jsonName(f.StructField)
		if jn == "" {
			continue
		}
		t := f.Type
		if omit && !request && t.Kind() == reflect.Pointer {
			t = t.Elem() // a nil pointer with omitempty is left out, never null
		}
		s := g.schema(t, request)
		if vals, ok := fieldEnums[name+"."+jn]; ok {
			s = withEnum(s, vals)
		} else if vals, ok := fieldEnums[f.owner+"."+jn]; ok {
			s = withEnum(s, vals)
		}
		props[jn] = s
		k, key := f.Type.Kind(), f.owner+"."+jn
		need := !omit && (!request || (k != reflect.Pointer && k != reflect.Slice && k != reflect.Map))
		if request {
			need = (need && !optionalFields[key]) || requiredFields[key]
		}
		if need && !partial {
			required = append(required, jn)
		}
	}
	out := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		slices.Sort(required)
		out["required"] = required
	}
	return out
}

// withEnum puts vals on a string schema, or on the items of an array of strings.
func withEnum(s map[string]any, vals []any) map[string]any {
	if items, ok := s["items"].(map[string]any); ok {
		s["items"] = withEnum(items, vals)
		return s
	}
	if s["nullable"] == true {
		vals = append(slices.Clone(vals), nil)
	}
	s["enum"] = vals
	return s
}

// jsonName is the field's JSON key ("" when not serialised) and whether it is omitempty.
func jsonName(f reflect.StructField) (string, bool) {
	tag, ok := f.Tag.Lookup("json")
	if !ok || !f.IsExported() {
		return "", false
	}
	parts := strings.Split(tag, ",")
	if parts[0] == "-" || parts[0] == "" {
		return "", false
	}
	return parts[0], slices.Contains(parts[1:], "omitempty")
}

// hasBody reports whether a request type reads a JSON body.
func hasBody(t reflect.Type) bool {
	for _, f := range fields(t) {
		if n, _ := jsonName(f.StructField); n != "" {
			return true
		}
	}
	return false
}

var nonWord = regexp.MustCompile(`[^A-Za-z0-9]+`)

// schemaName gives generic instantiations readable names: Page[...OrgView] → PageOrgView.
func schemaName(t reflect.Type) string {
	if n, ok := schemaNames[t]; ok {
		return n
	}
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

// ownedField is a struct field with the name of the struct that declares it
// (an embedded struct's fields keep their own owner, so enums follow them).
type ownedField struct {
	reflect.StructField
	owner string
}

// ownedFields flattens embedded structs, as encoding/json does.
func ownedFields(t reflect.Type, owner string) []ownedField {
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []ownedField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("json") == "" {
			out = append(out, ownedFields(f.Type, schemaName(f.Type))...)
			continue
		}
		out = append(out, ownedField{f, owner})
	}
	return out
}

func fields(t reflect.Type) []ownedField { return ownedFields(t, schemaName(t)) }
