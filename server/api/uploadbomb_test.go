package api_test

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"mime/multipart"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// deepColourPNG is a w×h 16-bit RGB PNG of one colour: its rows compress
// to almost nothing, so a few hundred kB declare hundreds of MB of pixels.
func deepColourPNG(t testing.TB, w, h int) []byte {
	var idat bytes.Buffer
	z, err := zlib.NewWriterLevel(&idat, zlib.BestCompression)
	must(t, err)
	row := make([]byte, 1+6*w) // filter byte, then 6 bytes a pixel
	for range h {
		_, err = z.Write(row)
		must(t, err)
	}
	must(t, z.Close())
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 16, 2 // 16 bits per sample, truecolour
	for _, c := range []struct {
		typ  string
		data []byte
	}{{"IHDR", ihdr}, {"IDAT", idat.Bytes()}, {"IEND", nil}} {
		_ = binary.Write(&b, binary.BigEndian, uint32(len(c.data)))
		b.WriteString(c.typ)
		b.Write(c.data)
		_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(c.typ), c.data...)))
	}
	return b.Bytes()
}

func uploadReq(t testing.TB, token, name string, data []byte, header map[string]string) req {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	fw, err := w.CreateFormFile("file", name)
	must(t, err)
	_, _ = fw.Write(data)
	must(t, w.Close())
	header["Content-Type"] = w.FormDataContentType()
	return req{method: "POST", path: "/api/v1/uploads", body: body.Bytes(), token: token, header: header}
}

// TestUploadDecompressionBomb: a 16-bit 6400×6400 PNG of a few hundred kB
// (330 MB once decoded) and a deep-colour 5000×5000 one under the pixel
// limit are refused with 400 naming the file, quickly and without the
// server allocating their pixels, even four at once. Not parallel: the
// allocation count is the process's.
func TestUploadDecompressionBomb(t *testing.T) {
	e := newEnv(t)
	tok := e.registerCompany("bomb@example.com").token
	bomb, deep := deepColourPNG(t, 6400, 6400), deepColourPNG(t, 5000, 5000)
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d bytes", len(bomb))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	var wg sync.WaitGroup
	for i, data := range [][]byte{bomb, bomb, bomb, bomb, deep} {
		wg.Go(func() {
			r := e.do(uploadReq(t, tok, "bomb.png", data, map[string]string{"Accept-Language": "zh-CN"}))
			msg := r.str("error.fields.file")
			if want := []string{"万像素", "万像素", "万像素", "万像素", "MB"}[i]; r.status != 400 || !strings.Contains(msg, want) || r.str("error.message") != msg {
				t.Errorf("upload %d: %s, want the file field saying %q", i, r.raw, want)
			}
		})
	}
	wg.Wait()
	runtime.ReadMemStats(&after)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("refusing took %s", d)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("refusing five bombs allocated %d MB", grew>>20)
	}
	// English too.
	r := e.mustStatus(uploadReq(t, tok, "bomb.png", deep, map[string]string{"Accept-Language": "en"}), 400)
	if !strings.Contains(r.str("error.fields.file"), "memory") {
		t.Errorf("English: %s", r.raw)
	}
}
