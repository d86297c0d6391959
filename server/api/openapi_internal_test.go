package api

import (
	"regexp"
	"slices"
	"testing"

	"doorstep/server/market"
)

// TestErrorCodesDocumented: the closed code set, the status table and the
// document's enum are the same set.
func TestErrorCodesDocumented(t *testing.T) {
	for c := range statusOf {
		if !slices.Contains(market.Codes, c) {
			t.Errorf("code %q maps to a status but is missing from market.Codes (and the OpenAPI enum)", c)
		}
	}
	for _, c := range market.Codes {
		if _, ok := statusOf[c]; !ok {
			t.Errorf("code %q has no HTTP status in statusOf", c)
		}
		if st := statusOf[c]; !slices.Contains(errorStatuses, st) {
			t.Errorf("status %d (code %q) is not among the documented error statuses", st, c)
		}
	}
}

// closedSet names the fields whose values come from a closed set; each must
// carry an enum in the document so the generated types are unions, not string.
var closedSet = regexp.MustCompile(`^(status|.+_status|kind|role|staff_role|code|reason|action|actor_kind|next_step|supply|deposit_kind|close_reason|sort)$`)

// Free-text fields that happen to match the pattern.
var notClosed = map[string]bool{
	"NotificationView.kind":             true, // notification kinds are internal routing keys, shown by title
	"ReasonRequest.reason":              true,
	"OrderEventView.reason":             true,
	"Craft.code":                        true,
	"RegionNode.code":                   true,
	"RejectionInput.reason":             true, // the company's own words for a defect
	"RejectionView.reason":              true,
	"Permission.reason":                 true, // why an action is refused, in both languages
	"ApproveDistributionRequest.reason": true, // the coordinator's own words
}

func TestClosedSetsHaveEnums(t *testing.T) {
	doc := NewServerForDocs().OpenAPI()
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	for name, s := range schemas {
		props, _ := s.(map[string]any)["properties"].(map[string]any)
		for field, p := range props {
			if !closedSet.MatchString(field) || notClosed[name+"."+field] {
				continue
			}
			ps := p.(map[string]any)
			if items, ok := ps["items"].(map[string]any); ok {
				ps = items
			}
			if _, ok := ps["enum"]; !ok {
				t.Errorf("%s.%s has no enum in the OpenAPI document: add it to fieldEnums", name, field)
			}
		}
	}
	for path, ops := range doc["paths"].(map[string]map[string]any) {
		for method, op := range ops {
			params, _ := op.(map[string]any)["parameters"].([]any)
			for _, p := range params {
				pm := p.(map[string]any)
				if name := pm["name"].(string); closedSet.MatchString(name) {
					if _, ok := pm["schema"].(map[string]any)["enum"]; !ok {
						t.Errorf("%s %s: query parameter %s has no enum", method, path, name)
					}
				}
			}
		}
	}
}
