package api_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf16"
)

// withPart rewrites one part of an XLSX (a zip) through edit.
func withPart(t *testing.T, xlsx []byte, name string, edit func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		must(t, err)
		data, err := io.ReadAll(rc)
		must(t, err)
		if f.Name == name {
			data, found = edit(data), true
		}
		w, err := zw.Create(f.Name)
		must(t, err)
		_, err = w.Write(data)
		must(t, err)
	}
	must(t, zw.Close())
	if !found {
		t.Fatalf("no part %s", name)
	}
	return out.Bytes()
}

// declare puts a DTD with entities (the "billion laughs" shape) after the
// XML declaration, and uses the entity in the part's text.
func declare(data []byte) []byte {
	dtd := `<!DOCTYPE x [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>`
	s := string(data)
	i := strings.Index(s, "?>") + 2
	return []byte(s[:i] + dtd + strings.Replace(s[i:], "赵大妈", "&c;", 1))
}

func utf16LE(data []byte) []byte {
	s := strings.Replace(string(data), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// TestRosterImportRefusesXMLEntities: a spreadsheet whose XML declares a
// DTD or entities (an entity-expansion attack, or a file from a tool that
// would import nothing) is refused with 400 on the file, in Chinese and
// English, instead of answering 200 with nothing imported. The plain file
// imports.
func TestRosterImportRefusesXMLEntities(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ws := e.registerWorkshop("entities@example.com")
	path := "/api/v1/workshops/" + ws.orgID + "/residents/import"
	good := sheet(t, [][]string{{"姓名", "电话"}, {"赵大妈", "13900001111"}})
	if r := e.mustStatus(req{method: "POST", path: path, token: ws.token, body: good}, 200); num(r, "created") != 1 {
		t.Fatalf("the plain file: %s", r.raw)
	}
	for name, file := range map[string][]byte{
		"shared strings":        withPart(t, good, "xl/sharedStrings.xml", declare),
		"worksheet":             withPart(t, good, "xl/worksheets/sheet1.xml", declare),
		"content types":         withPart(t, good, "[Content_Types].xml", declare),
		"UTF-16 shared strings": withPart(t, good, "xl/sharedStrings.xml", func(b []byte) []byte { return utf16LE(declare(b)) }),
		"lower-case doctype":    withPart(t, good, "xl/workbook.xml", func(b []byte) []byte { return bytes.Replace(declare(b), []byte("<!DOCTYPE"), []byte("<!doctype"), 1) }),
	} {
		for lang, want := range map[string]string{"zh-CN": "实体", "en": "entit"} {
			r := e.do(req{method: "POST", path: path, token: ws.token, body: file, header: map[string]string{"Accept-Language": lang}})
			if msg := r.str("error.fields.file"); r.status != 400 || !strings.Contains(msg, want) || r.str("error.message") != msg {
				t.Errorf("%s (%s): %d %s", name, lang, r.status, r.raw)
			}
		}
	}
}
