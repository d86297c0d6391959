package workshopops

import (
	"archive/zip"
	"bytes"
	"io"

	"doorstep/server/market"
)

var errEntities = func() error {
	zh := "表格文件里声明了 XML 实体（DOCTYPE/ENTITY），出于安全考虑不能导入。请用 Excel 或 WPS 打开后另存为 .xlsx 再上传"
	en := "the spreadsheet declares XML entities (DOCTYPE/ENTITY), which are refused for safety; open it in Excel or WPS, save it as .xlsx again and upload that"
	return market.E(market.CodeInvalid, zh, en).WithField("file", zh, en)
}()

// declaresEntities reports whether any part of an XLSX (a zip of XML
// parts) holds a document type declaration or an entity declaration.
// Spreadsheet programs never write them; the XML parser would not expand
// them and the import would silently read nothing, and they are how
// entity-expansion attacks begin. Every part is read, whatever its name
// (relationships decide which parts are parsed), within the same size
// limits the spreadsheet reader applies; ASCII case and the NUL bytes of
// UTF-16 are ignored.
func declaresEntities(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false // not a zip: the spreadsheet reader says so
	}
	budget := int64(unzipSizeLimit)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			continue
		}
		found, n := scanDeclarations(io.LimitReader(rc, min(budget, unzipXMLSizeLimit)))
		_ = rc.Close()
		if found {
			return true
		}
		if budget -= n; budget <= 0 {
			return false
		}
	}
	return false
}

var declarations = [][]byte{[]byte("<!doctype"), []byte("<!entity")}

// scanDeclarations reads r in chunks, keeping the tail of each so a
// keyword split across two reads is still seen.
func scanDeclarations(r io.Reader) (found bool, read int64) {
	const keep = len("<!doctype") - 1
	buf := make([]byte, 32<<10)
	var window []byte
	for {
		n, err := r.Read(buf)
		read += int64(n)
		for _, b := range buf[:n] {
			if b == 0 {
				continue
			}
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			window = append(window, b)
		}
		for _, d := range declarations {
			if bytes.Contains(window, d) {
				return true, read
			}
		}
		if len(window) > keep {
			window = append(window[:0], window[len(window)-keep:]...)
		}
		if err != nil {
			return false, read
		}
	}
}
