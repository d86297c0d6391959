package api_test

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func (f *fixture) documents(as, orgID string, want int) resp {
	f.t.Helper()
	return f.mustStatus(req{method: "GET", path: "/api/v1/orgs/" + orgID + "/documents", token: f.as[as].token}, want)
}

func (f *fixture) setDocument(as, orgID, kind string, ids []string, want int) resp {
	f.t.Helper()
	return f.mustStatus(req{method: "PUT", path: "/api/v1/orgs/" + orgID + "/documents", token: f.as[as].token,
		body: map[string]any{"kind": kind, "photo_ids": ids}}, want)
}

// docKinds are the kinds a documents view lists, in order.
func docKinds(r resp) []string {
	var out []string
	for _, d := range asList(r.field("documents")) {
		out = append(out, d.(map[string]any)["kind"].(string))
	}
	return out
}

// docPhotos are the ids of one document's photos, in order.
func docPhotos(r resp, kind string) []string {
	out := []string{}
	for _, d := range asList(r.field("documents")) {
		if m := d.(map[string]any); m["kind"] == kind {
			for _, p := range asList(m["photos"]) {
				out = append(out, p.(map[string]any)["id"].(string))
			}
		}
	}
	return out
}

func asList(v any) []any { l, _ := v.([]any); return l }

// TestOrgDocuments: an organisation's owner uploads its business licence
// (and a workshop its community's letter of guarantee); its members and
// the staff who verify see them; other organisations, finance staff and
// the public get 404 for the list and for the pictures themselves; a wrong
// file, a wrong kind and too many pages are 400 naming the field.
func TestOrgDocuments(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.as["finance"] = f.staff("fin@doorstep.cn", "finance")
	company, workshop := f.as["owner"].orgID, f.as["workshop"].orgID

	// Nothing uploaded yet: each kind the organisation keeps, empty.
	d := f.documents("owner", company, 200)
	if !slices.Equal(docKinds(d), []string{"business_licence"}) || len(docPhotos(d, "business_licence")) != 0 ||
		d.str("role") != "company" || d.field("actions.upload.allowed") != true || d.field("limits.max_pages") != 4.0 {
		t.Fatalf("company documents: %s", d.raw)
	}
	if w := f.documents("workshop", workshop, 200); !slices.Equal(docKinds(w), []string{"business_licence", "guarantee_letter"}) {
		t.Fatalf("workshop documents: %s", w.raw)
	}

	// The licence: uploaded like any photo, then made the document.
	licence := f.upload(f.as["owner"].token, "licence.png", pngBytes(t, 60, 40), 201).str("id")
	d = f.setDocument("owner", company, "business_licence", []string{licence}, 200)
	if !slices.Equal(docPhotos(d, "business_licence"), []string{licence}) || !strings.Contains(d.raw, `"thumb_url":"/api/v1/uploads/`+licence+`/thumb"`) {
		t.Fatalf("after upload: %s", d.raw)
	}
	letter := f.upload(f.as["workshop"].token, "letter.png", pngBytes(t, 40, 60), 201).str("id")
	f.setDocument("workshop", workshop, "guarantee_letter", []string{letter}, 200)

	// Who sees them: the organisation and moderators/admins; nobody else.
	for as, want := range map[string]int{"owner": 200, "member": 200, "moderator": 200, "admin": 200, "other": 404, "workshop": 404, "finance": 404} {
		if r := f.do(req{method: "GET", path: "/api/v1/orgs/" + company + "/documents", token: f.as[as].token}); r.status != want {
			t.Errorf("%s listing the company's documents: %d, want %d", as, r.status, want)
		}
		for _, path := range []string{"/api/v1/uploads/" + licence, "/api/v1/uploads/" + licence + "/thumb"} {
			if r := f.do(req{method: "GET", path: path, token: f.as[as].token}); r.status != want {
				t.Errorf("%s reading the licence %s: %d, want %d", as, path, r.status, want)
			}
		}
	}
	for as, want := range map[string]int{"workshop": 200, "moderator": 200, "owner": 404, "member": 404, "finance": 404} {
		if r := f.do(req{method: "GET", path: "/api/v1/uploads/" + letter, token: f.as[as].token}); r.status != want {
			t.Errorf("%s reading the letter of guarantee: %d, want %d", as, r.status, want)
		}
	}
	f.mustStatus(req{method: "GET", path: "/api/v1/orgs/" + company + "/documents"}, 401)
	f.mustStatus(req{method: "GET", path: "/api/v1/uploads/" + licence}, 404)
	if m := f.documents("moderator", company, 200); m.str("role") != "moderator" || m.field("actions.upload.allowed") != false {
		t.Fatalf("moderator's view: %s", m.raw)
	}

	// Only the organisation's owners change them.
	f.setDocument("member", company, "business_licence", []string{}, 403)
	f.setDocument("moderator", company, "business_licence", []string{}, 403)
	f.setDocument("other", company, "business_licence", []string{}, 404)
	f.mustStatus(req{method: "PUT", path: "/api/v1/orgs/" + company + "/documents", body: map[string]any{"kind": "business_licence", "photo_ids": []string{}}}, 401)

	// Wrong file type, wrong kind, a kind the company does not keep, someone
	// else's photo, too many pages: 400 naming the field.
	if r := f.upload(f.as["owner"].token, "licence.pdf", []byte("%PDF-1.7\n1 0 obj <<>> endobj\n"), 400); r.field("error.fields.file") == nil {
		t.Fatalf("a PDF: %s", r.raw)
	}
	for _, kind := range []string{"passport", "guarantee_letter"} {
		if r := f.setDocument("owner", company, kind, []string{licence}, 400); r.field("error.fields.kind") == nil {
			t.Fatalf("kind %s: %s", kind, r.raw)
		}
	}
	if r := f.setDocument("owner", company, "business_licence", []string{letter}, 400); r.field("error.fields.photo_ids") == nil {
		t.Fatalf("another organisation's photo: %s", r.raw)
	}
	five := []string{licence}
	for range 4 {
		five = append(five, f.upload(f.as["owner"].token, "p.png", pngBytes(t, 8, 8), 201).str("id"))
	}
	if r := f.setDocument("owner", company, "business_licence", five, 400); r.field("error.fields.photo_ids") == nil {
		t.Fatalf("five pages: %s", r.raw)
	}

	// Replacing: the new photo is the document; the old one is let go (no
	// longer listed, still private, deleted by the cleanup job).
	d = f.setDocument("owner", company, "business_licence", five[1:3], 200)
	if got := docPhotos(d, "business_licence"); !slices.Equal(got, five[1:3]) {
		t.Fatalf("replaced: %s", d.raw)
	}
	f.mustStatus(req{method: "GET", path: "/api/v1/uploads/" + licence, token: f.as["other"].token}, 404)
	if r := f.setDocument("owner", company, "business_licence", []string{licence}, 400); r.field("error.fields.photo_ids") == nil {
		t.Fatalf("a let-go photo taken back: %s", r.raw)
	}
	if _, err := f.pool.Exec(context.Background(), "UPDATE uploads SET expires_at = now() - interval '1 day' WHERE expires_at IS NOT NULL"); err != nil {
		t.Fatal(err)
	}
	if n, err := f.flows().Uploads.DeleteExpired(context.Background()); err != nil || n < 1 {
		t.Fatalf("cleanup: %d %v", n, err)
	}
	f.mustStatus(req{method: "GET", path: "/api/v1/uploads/" + licence, token: f.as["moderator"].token}, 404)
	if d := f.documents("owner", company, 200); len(docPhotos(d, "business_licence")) != 2 {
		t.Fatalf("the document lost pages to the cleanup: %s", d.raw)
	}
	// An empty list removes the document.
	if d := f.setDocument("owner", company, "business_licence", []string{}, 200); len(docPhotos(d, "business_licence")) != 0 {
		t.Fatalf("removed: %s", d.raw)
	}
}

// orderSamples are the ids of an order page's uploaded sample photos.
func orderSamples(r resp) []string {
	out := []string{}
	for _, p := range asList(r.field("sample_photo_uploads")) {
		out = append(out, p.(map[string]any)["id"].(string))
	}
	return out
}

// TestOrderSamplePhotos: an order's sample photos are uploads, seen by
// whoever sees the order (the public once it is published, only the
// company and staff before); new links are refused naming the field, while
// an old order keeps the links it has.
func TestOrderSamplePhotos(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as["owner"].orgID + "/verify", token: f.as["moderator"].token, body: map[string]any{"verified": true}}, 200)
	owner := f.as["owner"].token
	photo := f.upload(owner, "sample.png", pngBytes(t, 80, 60), 201).str("id")

	body := orderBody()
	body["sample_photos"] = []string{"https://img.example.cn/sample.jpg"}
	if r := f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: owner, body: body}, 400); r.field("error.fields.sample_photos") == nil {
		t.Fatalf("a new link: %s", r.raw)
	}
	theirs := f.upload(f.as["workshop"].token, "x.png", pngBytes(t, 8, 8), 201).str("id")
	body = orderBody()
	body["sample_photo_ids"] = []string{theirs}
	if r := f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: owner, body: body}, 400); r.field("error.fields.sample_photo_ids") == nil {
		t.Fatalf("someone else's photo: %s", r.raw)
	}
	body["sample_photo_ids"] = []string{photo}
	id := f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: owner, body: body}, 201).str("id")
	of := &orderFixture{fixture: f, orderID: id}
	page := func(as string) resp {
		return f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + id, token: f.as[as].token}, 200)
	}
	if got := orderSamples(page("owner")); !slices.Equal(got, []string{photo}) {
		t.Fatalf("the order page's photos: %v", got)
	}
	read := func(as string, want int) {
		t.Helper()
		if r := f.do(req{method: "GET", path: "/api/v1/uploads/" + photo + "/thumb", token: f.as[as].token}); r.status != want {
			t.Errorf("%s reading the sample photo: %d, want %d", as, r.status, want)
		}
	}
	// A draft: its company and staff.
	for as, want := range map[string]int{"owner": 200, "member": 200, "moderator": 200, "workshop": 404, "other": 404, "anon": 404} {
		read(as, want)
	}
	// Published: everyone who sees the order, signed in or not.
	of.act("owner", "submit", nil, 200)
	of.act("moderator", "approve", nil, 200)
	for _, as := range []string{"workshop", "other", "anon"} {
		read(as, 200)
	}
	if got := orderSamples(f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + id}, 200)); !slices.Equal(got, []string{photo}) {
		t.Fatalf("the public order page's photos: %v", got)
	}

	// An old order's link stays and may be kept or dropped, never added to.
	if _, err := f.pool.Exec(context.Background(), "UPDATE orders SET sample_photos = '{https://img.example.cn/old.jpg}' WHERE id = $1", id); err != nil {
		t.Fatal(err)
	}
	if r := page("workshop"); len(asList(r.field("sample_photos"))) != 1 {
		t.Fatalf("the old link: %s", r.raw)
	}
	patch := func(b map[string]any, want int) resp {
		return f.mustStatus(req{method: "PATCH", path: "/api/v1/orders/" + id, token: owner, body: b}, want)
	}
	second := f.upload(owner, "b.png", pngBytes(t, 8, 8), 201).str("id")
	patch(map[string]any{"sample_photos": []string{"https://img.example.cn/old.jpg"}, "sample_photo_ids": []string{photo, second}}, 200)
	if r := patch(map[string]any{"sample_photos": []string{"https://img.example.cn/old.jpg", "https://img.example.cn/new.jpg"}}, 400); r.field("error.fields.sample_photos") == nil {
		t.Fatalf("adding a link: %s", r.raw)
	}
	many := []string{photo, second}
	for range 7 {
		many = append(many, f.upload(owner, "p.png", pngBytes(t, 8, 8), 201).str("id"))
	}
	if r := patch(map[string]any{"sample_photo_ids": many}, 400); r.field("error.fields.sample_photo_ids") == nil {
		t.Fatalf("a link and nine photos: %s", r.raw)
	}
	// Removing one: no longer shown; back in review, only the company and staff see the rest.
	patch(map[string]any{"sample_photos": []string{}, "sample_photo_ids": []string{second}}, 200)
	r := page("owner")
	if got := orderSamples(r); !slices.Equal(got, []string{second}) || len(asList(r.field("sample_photos"))) != 0 {
		t.Fatalf("after removing: %s", r.raw)
	}
	read("owner", 200) // let go, still its company's until the cleanup deletes it
	read("other", 404)
}
