package api_test

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"mime/multipart"
	"strings"
	"testing"
)

func testImage(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	return img
}

func pngBytes(t testing.TB, w, h int) []byte {
	var b bytes.Buffer
	must(t, png.Encode(&b, testImage(w, h)))
	return b.Bytes()
}

// jpegWithEXIF is a JPEG carrying an EXIF segment with GPS-looking text
// and an orientation tag (6: rotate 90° clockwise).
func jpegWithEXIF(t testing.TB) []byte {
	var b bytes.Buffer
	must(t, jpeg.Encode(&b, testImage(40, 20), nil))
	raw := b.Bytes()
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01")                      // big-endian, IFD at 8, one entry
	tiff = append(tiff, 0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, 0x06, 0, 0) // orientation = 6
	tiff = append(tiff, 0, 0, 0, 0)
	tiff = append(tiff, []byte("GPSLatitude 37.3808N GPSLongitude 117.9652E SECRET-HOME")...)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	app1 = append(app1, seg...)
	return append(append(append([]byte{}, raw[:2]...), app1...), raw[2:]...)
}

func (e *env) upload(token, name string, data []byte, want int) resp {
	e.t.Helper()
	body, contentType := multipartFile(e.t, name, data)
	return e.mustStatus(req{method: "POST", path: "/api/v1/uploads", body: body, token: token,
		header: map[string]string{"Content-Type": contentType}}, want)
}

// multipartFile is a form with one file in the field "file".
func multipartFile(t testing.TB, name string, data []byte) (body []byte, contentType string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, err := w.CreateFormFile("file", name)
	must(t, err)
	_, _ = fw.Write(data)
	must(t, w.Close())
	return buf.Bytes(), w.FormDataContentType()
}

// TestUploads: the type comes from the bytes, not the name; the picture is
// re-encoded so EXIF (location) and anything smuggled after it are gone and
// it stands upright; big files and non-images are refused; an upload is
// seen only by its organisation until it is attached to a contract, then
// by that contract's parties and staff.
func TestUploads(t *testing.T) {
	t.Parallel()
	f := newContractFixture(t)
	tok := f.as["workshop"].token

	// A PNG named .jpg is taken as what it is.
	u := f.upload(tok, "photo.jpg", pngBytes(t, 64, 48), 201)
	if u.field("width") != 64.0 || !strings.HasSuffix(u.str("url"), u.str("id")) || u.str("thumb_url") == "" {
		t.Fatalf("png as jpg: %s", u.raw)
	}
	// GPS EXIF is stripped; orientation 6 turns 40×20 into 20×40.
	exif := f.upload(tok, "IMG_0001.JPG", jpegWithEXIF(t), 201)
	if exif.field("width") != 20.0 || exif.field("height") != 40.0 {
		t.Fatalf("orientation not applied: %s", exif.raw)
	}
	got := f.do(req{method: "GET", path: "/api/v1/uploads/" + exif.str("id"), token: tok})
	if got.status != 200 || got.header.Get("Content-Type") != "image/jpeg" || strings.Contains(got.raw, "SECRET-HOME") ||
		strings.Contains(got.raw, "Exif") {
		t.Fatalf("stored image: %d %s, %d bytes", got.status, got.header.Get("Content-Type"), len(got.raw))
	}
	// A polyglot (a PNG with a script appended) keeps only its pixels.
	poly := append(pngBytes(t, 16, 16), []byte("<script>alert(document.cookie)</script>PK\x03\x04")...)
	p := f.upload(tok, "poly.png", poly, 201)
	if body := f.do(req{method: "GET", path: "/api/v1/uploads/" + p.str("id"), token: tok}).raw; strings.Contains(body, "<script>") || strings.Contains(body, "PK") {
		t.Fatal("payload survived re-encoding")
	}
	// Not an image, an image too big.
	if r := f.upload(tok, "evil.jpg", []byte("<html><script>alert(1)</script></html>"), 400); r.field("error.fields.file") == nil {
		t.Fatal(r.raw)
	}
	big := append(pngBytes(t, 8, 8), make([]byte, 5<<20+10<<10)...) // over 5 MB (6 MB is refused by the server before it is read)
	if r := f.upload(tok, "big.png", big, 400); r.field("error.fields.file") == nil {
		t.Fatal(r.raw)
	}
	f.upload("", "x.png", pngBytes(t, 8, 8), 401)
	// Unattached: the uploader's organisation only.
	for as, want := range map[string]int{"workshop": 200, "owner": 404, "other": 404, "workshop2": 404, "moderator": 200} {
		if r := f.do(req{method: "GET", path: "/api/v1/uploads/" + u.str("id") + "/thumb", token: f.as[as].token}); r.status != want {
			t.Errorf("%s reading an unattached upload: %d, want %d", as, r.status, want)
		}
	}
	// Attached to a message on the contract: its parties and staff.
	f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/messages", token: tok,
		body: map[string]any{"body": "样品照片", "photo_ids": []string{u.str("id")}}}, 201)
	for as, want := range map[string]int{"workshop": 200, "owner": 200, "member": 200, "other": 404, "workshop2": 404, "moderator": 200} {
		if r := f.do(req{method: "GET", path: "/api/v1/uploads/" + u.str("id"), token: f.as[as].token}); r.status != want {
			t.Errorf("%s reading an attached upload: %d, want %d", as, r.status, want)
		}
	}
	// Someone else's upload, or one used already, cannot be attached.
	theirs := f.upload(f.as["owner"].token, "x.png", pngBytes(t, 8, 8), 201)
	for _, id := range []string{theirs.str("id"), u.str("id"), "00000000-0000-0000-0000-000000000000"} {
		r := f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/messages", token: tok,
			body: map[string]any{"body": "再发一次", "photo_ids": []string{id}}}, 400)
		if r.field("error.fields.photo_ids") == nil {
			t.Fatal(r.raw)
		}
	}
}

// uploadRoutes: an image is its organisation's until attached to a
// contract, then its parties' (and always staff's).
func uploadRoutes() routeTable {
	image := func(name string, data func(testing.TB) []byte) func(*world) any {
		return func(w *world) any {
			body, contentType := multipartFile(w.t, name, data(w.t))
			w.vars["form"] = contentType
			return body
		}
	}
	png := func(t testing.TB) []byte { return pngBytes(t, 64, 48) }
	form := map[string]string{"Content-Type": "{form}"}
	isJPEG := func(w *world, r resp) { // an opaque picture is stored re-encoded as JPEG
		if ct := r.header.Get("Content-Type"); ct != "image/jpeg" || !strings.HasPrefix(r.raw, "\xff\xd8") {
			w.t.Errorf("not a JPEG: %s, %d bytes", ct, len(r.raw))
		}
	}
	return routeTable{name: "uploads", scenarios: []scenario{
		{method: "POST", url: "/api/v1/uploads", body: image("p.png", png), header: form, want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/uploads", header: form, want: 400, fragments: []string{`"file"`},
			body: image("evil.jpg", func(testing.TB) []byte { return []byte("<html><script>alert(1)</script></html>") })},
		{as: "workshop", method: "POST", url: "/api/v1/uploads", body: image("photo.jpg", png), header: form, want: 201,
			fragments: []string{`"content_type":"image/jpeg"`, `"width":64`, `"height":48`}, save: map[string]string{"up": "id"}},

		{name: "unattached, not the public", method: "GET", url: "/api/v1/uploads/{up}", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/uploads/{up}", want: 404},
		{as: "workshop", method: "GET", url: "/api/v1/uploads/{up}", want: 200, check: isJPEG},
		{method: "GET", url: "/api/v1/uploads/{up}/thumb", want: 404},
		{as: "other", method: "GET", url: "/api/v1/uploads/{up}/thumb", want: 404},
		{as: "moderator", method: "GET", url: "/api/v1/uploads/{up}/thumb", want: 200, check: isJPEG},

		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/messages", body: map[string]any{"body": "样品照片", "photo_ids": []string{"{up}"}}, want: 201},
		{name: "attached, the company sees it", as: "member", method: "GET", url: "/api/v1/uploads/{up}", want: 200, check: isJPEG},
		{name: "attached, still not another organisation", as: "workshop2", method: "GET", url: "/api/v1/uploads/{up}/thumb", want: 404},

		// An organisation's documents: its members, moderators and admins.
		{as: "owner", method: "POST", url: "/api/v1/uploads", body: image("licence.png", png), header: form, want: 201, save: map[string]string{"licence": "id"}},
		{method: "PUT", url: "/api/v1/orgs/{A}/documents", body: map[string]any{"kind": "business_licence", "photo_ids": []string{}}, want: 401},
		{as: "member", method: "PUT", url: "/api/v1/orgs/{A}/documents", body: map[string]any{"kind": "business_licence", "photo_ids": []string{"{licence}"}}, want: 403},
		{as: "other", method: "PUT", url: "/api/v1/orgs/{A}/documents", body: map[string]any{"kind": "business_licence", "photo_ids": []string{"{licence}"}}, want: 404},
		{as: "owner", method: "PUT", url: "/api/v1/orgs/{A}/documents", body: map[string]any{"kind": "guarantee_letter", "photo_ids": []string{"{licence}"}},
			want: 400, fragments: []string{`"kind":"only community workshops keep a community letter of guarantee"`}},
		{as: "owner", method: "PUT", url: "/api/v1/orgs/{A}/documents", body: map[string]any{"kind": "business_licence", "photo_ids": []string{"{licence}"}},
			want: 200, fragments: []string{`"kind":"business_licence","photos":[{"id":"{licence}"`}},
		{method: "GET", url: "/api/v1/orgs/{A}/documents", want: 401},
		{as: "workshop", method: "GET", url: "/api/v1/orgs/{A}/documents", want: 404},
		{as: "finance", method: "GET", url: "/api/v1/orgs/{A}/documents", want: 404},
		{as: "moderator", method: "GET", url: "/api/v1/orgs/{A}/documents", want: 200, fragments: []string{`"role":"moderator"`, `"{licence}"`}},
		{as: "member", method: "GET", url: "/api/v1/uploads/{licence}", want: 200, check: isJPEG},
		{name: "a document, not the contract's other party", as: "workshop", method: "GET", url: "/api/v1/uploads/{licence}", want: 404},
		{name: "a document, not finance staff", as: "finance", method: "GET", url: "/api/v1/uploads/{licence}/thumb", want: 404},
	}}
}
