package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"doorstep/server/api"
)

// Every response the API tests see is checked against the OpenAPI document
// (the same one /api/v1/openapi.json serves), so the contract the frontend
// types are generated from cannot drift from what handlers send.

var contract struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

func contractRouter(t testing.TB) routers.Router {
	contract.once.Do(func() {
		raw, err := json.Marshal(api.NewServerForDocs().OpenAPI())
		if err != nil {
			contract.err = err
			return
		}
		if contract.doc, contract.err = openapi3.NewLoader().LoadFromData(raw); contract.err != nil {
			return
		}
		if contract.err = contract.doc.Validate(context.Background()); contract.err != nil {
			return
		}
		contract.router, contract.err = gorillamux.NewRouter(contract.doc)
	})
	if contract.err != nil {
		t.Fatalf("OpenAPI document: %v", contract.err)
	}
	return contract.router
}

// checkContract fails the test when a response to a documented route does
// not match the document: an undocumented status, a missing required field,
// a value outside an enum, a wrong type or format.
func (e *env) checkContract(hr *http.Request, status int, header http.Header, body []byte) {
	e.t.Helper()
	route, params, err := contractRouter(e.t).FindRoute(hr)
	if err != nil {
		return // not an operation of the document: static files, /metrics, unknown API paths (404 tests)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: hr, PathParams: params, Route: route},
		Status:                 status,
		Header:                 header,
		Body:                   io.NopCloser(bytes.NewReader(body)),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		e.t.Errorf("%s %s answered %d, which the OpenAPI document does not allow:\n%v\nbody: %.2000s", hr.Method, hr.URL, status, err, body)
	}
}

func TestOpenAPIDocumentIsValid(t *testing.T) {
	contractRouter(t)
}

func init() {
	// Binary responses are checked for their status and content type only.
	for _, ct := range []string{"image/jpeg", "image/png", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.FileBodyDecoder)
	}
}
