package api

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// compressMin is the smallest JSON answer worth compressing: below about a
// kilobyte the bytes saved do not pay for the work (and an error, a count
// or a 204 stays as it is).
const compressMin = 1024

// compressJSON compresses the API's JSON answers with brotli or gzip, as the
// client accepts (brotli first), on a slow phone link a 30 KB search page
// becomes about 5 KB. Only complete JSON bodies are touched: files
// (spreadsheets, photos), streamed bodies and anything already encoded go
// out as the handler wrote them, and the web app's files are precompressed
// at build time (static.go).
func compressJSON(c *fiber.Ctx) error {
	if err := c.Next(); err != nil {
		return err
	}
	res := c.Response()
	if !strings.HasPrefix(c.Path(), "/api/") || res.IsBodyStream() || len(res.Header.ContentEncoding()) > 0 ||
		!strings.HasPrefix(string(res.Header.ContentType()), fiber.MIMEApplicationJSON) {
		return nil
	}
	c.Vary(fiber.HeaderAcceptEncoding) // small answers too: a cache must not reuse one for another client
	body := res.Body()
	if len(body) < compressMin {
		return nil
	}
	accept := c.Get(fiber.HeaderAcceptEncoding)
	switch {
	case accepts(accept, "br"):
		res.SetBodyRaw(fasthttp.AppendBrotliBytesLevel(nil, body, fasthttp.CompressBrotliDefaultCompression))
		res.Header.Set(fiber.HeaderContentEncoding, "br")
	case accepts(accept, "gzip"):
		res.SetBodyRaw(fasthttp.AppendGzipBytesLevel(nil, body, fasthttp.CompressDefaultCompression))
		res.Header.Set(fiber.HeaderContentEncoding, "gzip")
	}
	return nil
}
