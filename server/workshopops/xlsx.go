package workshopops

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"doorstep/server/market"
)

// XLSXType is the content type of the spreadsheets this package writes and reads.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// File is a generated download.
type File struct {
	Name string
	Data []byte
}

// writeSheet writes one sheet: title lines (bold), then a header row (bold)
// and the rows. Every cell is written as given: phones and ids stay text.
func writeSheet(sheet string, titles []string, header []string, rows [][]any, widths []float64) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	r := 1
	for _, t := range titles {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := f.SetCellStr(sheet, cell, t); err != nil {
			return nil, err
		}
		_ = f.SetCellStyle(sheet, cell, cell, bold)
		r++
	}
	if len(titles) > 0 {
		r++ // a blank line before the table
	}
	hrow := make([]any, len(header))
	for i, h := range header {
		hrow[i] = h
	}
	for i, row := range append([][]any{hrow}, rows...) {
		cell, _ := excelize.CoordinatesToCellName(1, r+i)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return nil, err
		}
	}
	_ = f.SetRowStyle(sheet, r, r, bold)
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		_ = f.SetColWidth(sheet, col, col, w)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// maxImportRows bounds an import; a roster is tens to hundreds of residents.
const maxImportRows = 2000

// What an import may unzip: in all, and of one XML part.
const (
	unzipSizeLimit    = 32 << 20
	unzipXMLSizeLimit = 16 << 20
)

// readSheet reads the first sheet's rows as raw cell values (dates as
// serial numbers, so they parse whatever the cell's display format).
func readSheet(data []byte) ([][]string, error) {
	bad := market.FieldError("file", "无法读取文件，请上传 .xlsx 格式的表格", "cannot read the file: upload an .xlsx spreadsheet")
	if len(data) == 0 {
		return nil, bad
	}
	if declaresEntities(data) {
		return nil, errEntities
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		return nil, bad
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, bad
	}
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, bad
	}
	if len(rows) > maxImportRows+1 {
		return nil, market.FieldError("file", "一次最多导入2000行", "import at most 2000 rows at a time")
	}
	return rows, nil
}

// cellDate parses a date cell: an Excel serial number or text such as
// 2025-03-08, 2025/3/8 or 2025.3.8.
func cellDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 1 && n < 100000 {
		t, err := excelize.ExcelDateToTime(n, false)
		return t.Format(market.DateLayout), err == nil
	}
	for _, layout := range []string{market.DateLayout, "2006/1/2", "2006.1.2", "2006-1-2", "2006年1月2日"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(market.DateLayout), true
		}
	}
	return s, false
}

// splitList splits "编织、包装" or "weaving, packaging" into items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",，、;；/\n", r) }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// cellBool reads yes/no in either language; empty is yes.
func cellBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "是", "在岗", "yes", "y", "true", "1", "active":
		return true, true
	case "否", "离开", "不在岗", "no", "n", "false", "0", "inactive":
		return false, true
	}
	return false, false
}

func yesNo(b bool, lang string) string {
	if b {
		return market.Msg{ZH: "是", EN: "yes"}.In(lang)
	}
	return market.Msg{ZH: "否", EN: "no"}.In(lang)
}
