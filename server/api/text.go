package api

import (
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"doorstep/server/market"
)

// Text in requests is checked once, here, before any handler runs: Postgres
// refuses NUL ("\u0000") and nothing on the platform needs other control
// characters. A string field may hold tab, newline and carriage return only
// when it is tagged `text:"multiline"` (descriptions, messages, reasons,
// notes); every other string (names, addresses, emails, passwords, query
// parameters, …) is one line. Invalid UTF-8 (possible in query strings;
// encoding/json already replaces it in bodies) is refused as well.

var (
	errControlChar = [2]string{"含有不允许的控制字符（如 \\u0000）", "contains a control character that is not allowed (such as \\u0000)"}
	errBadUTF8     = [2]string{"不是有效的 UTF-8 文本", "is not valid UTF-8 text"}
)

// checkText walks a bound request and refuses the first bad string, naming
// its field as the API names it ("org.name", "quality.criteria", "tags").
func checkText(req any) error {
	v := reflect.ValueOf(req)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	return walkText(v, "", false)
}

func walkText(v reflect.Value, path string, multiline bool) error {
	switch v.Kind() {
	case reflect.String:
		return checkString(v.String(), path, multiline)
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return walkText(v.Elem(), path, multiline)
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := walkText(v.Index(i), path, multiline); err != nil {
				return err
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if err := walkText(it.Key(), path, false); err != nil {
				return err
			}
			if err := walkText(it.Value(), path, multiline); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := fieldName(f)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				name = "" // embedded: its fields are at this level
			}
			if name == "-" {
				continue
			}
			p := path
			if name != "" {
				p = joinPath(path, name)
			}
			if err := walkText(v.Field(i), p, f.Tag.Get("text") == "multiline"); err != nil {
				return err
			}
		}
	}
	return nil
}

// fieldName is the name a client uses for a field: its JSON key, query or
// path parameter name.
func fieldName(f reflect.StructField) string {
	for _, tag := range []string{"params", "query", "json"} {
		if s, ok := f.Tag.Lookup(tag); ok {
			if i := strings.IndexByte(s, ','); i >= 0 {
				s = s[:i]
			}
			if s != "" {
				return s
			}
		}
	}
	return f.Name
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func checkString(s, field string, multiline bool) error {
	if field == "" {
		field = "body"
	}
	if !utf8.ValidString(s) {
		return market.FieldError(field, errBadUTF8[0], errBadUTF8[1])
	}
	for _, r := range s {
		if !unicode.IsControl(r) {
			continue
		}
		if multiline && (r == '\t' || r == '\n' || r == '\r') {
			continue
		}
		return market.FieldError(field, errControlChar[0], errControlChar[1])
	}
	return nil
}
