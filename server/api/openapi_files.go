package api

import (
	"reflect"
	"strings"

	"doorstep/server/uploads"
)

// Bodies and responses that are not JSON: multipart uploads, the raw body a
// webhook signature covers, images and spreadsheets.

var binarySchema = map[string]any{"type": "string", "format": "binary"}

// specialBody documents a request whose body is a multipart file or raw bytes.
func specialBody(t reflect.Type) map[string]any {
	for _, f := range fields(t) {
		if name := f.Tag.Get("file"); name != "" {
			schema := map[string]any{"type": "object", "required": []any{name},
				"properties": map[string]any{name: binarySchema}}
			return map[string]any{"required": true, "description": "an image, at most " + uploads.MaxSizeLabel,
				"content": map[string]any{"multipart/form-data": map[string]any{"schema": schema}}}
		}
		if f.Tag.Get("body") == "raw" && f.Tag.Get("content") != "" {
			return map[string]any{"required": true, "description": "a file as the whole body",
				"content": map[string]any{f.Tag.Get("content"): map[string]any{"schema": binarySchema}}}
		}
		if f.Tag.Get("body") == "raw" {
			return map[string]any{"required": true, "description": "the sender's JSON, verified over its exact bytes",
				"content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}}
		}
	}
	return nil
}

// headerParams documents fields bound from request headers.
func headerParams(t reflect.Type) []any {
	var out []any
	for _, f := range fields(t) {
		if h := f.Tag.Get("header"); h != "" {
			out = append(out, map[string]any{"name": h, "in": "header", "required": true, "schema": map[string]any{"type": "string"}})
		}
	}
	return out
}

// fileContent lists what a File route sends: spreadsheets for .xlsx paths, images otherwise.
func fileContent(path string) map[string]any {
	types := uploads.ServedTypes
	if strings.HasSuffix(path, ".xlsx") {
		types = []string{xlsxType}
	}
	out := map[string]any{}
	for _, ct := range types {
		out[ct] = map[string]any{"schema": binarySchema}
	}
	return out
}
