package uploads

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"doorstep/server/market"
)

// pngHeader is a PNG that declares a w×h picture of the given bit depth
// and colour type; its image data is one empty row, which is all
// DecodeConfig (and so the memory check) reads.
func pngHeader(w, h int, depth, colourType byte, extra ...string) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = depth, colourType
	pngChunk(&b, "IHDR", ihdr)
	for _, typ := range extra {
		pngChunk(&b, typ, []byte{0, 0})
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	_, _ = zw.Write([]byte{0})
	_ = zw.Close()
	pngChunk(&b, "IDAT", z.Bytes())
	pngChunk(&b, "IEND", nil)
	return b.Bytes()
}

func pngChunk(b *bytes.Buffer, typ string, data []byte) {
	_ = binary.Write(b, binary.BigEndian, uint32(len(data)))
	crc := crc32.NewIEEE()
	_, _ = crc.Write([]byte(typ))
	_, _ = crc.Write(data)
	b.WriteString(typ)
	b.Write(data)
	_ = binary.Write(b, binary.BigEndian, crc.Sum32())
}

// jpegHeader is a small real JPEG whose frame header is rewritten to
// declare w×h (and progressive coding when asked).
func jpegHeader(t *testing.T, w, h int, progressive bool) []byte {
	var b bytes.Buffer
	img := image.NewYCbCr(image.Rect(0, 0, 16, 16), image.YCbCrSubsampleRatio420)
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	i := bytes.Index(data, []byte{0xFF, 0xC0})
	if i < 0 {
		t.Fatal("no SOF0")
	}
	binary.BigEndian.PutUint16(data[i+5:], uint16(h))
	binary.BigEndian.PutUint16(data[i+7:], uint16(w))
	if progressive {
		data[i+1] = 0xC2
	}
	return data
}

func checkHeader(t *testing.T, g *gate, data []byte) error {
	t.Helper()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return g.check(cfg, decodeCost(cfg, format, data))
}

// TestMemoryLimitFromHeader: what an image costs to decode is read from its
// header, by colour depth and coding, so the 16-bit 6400×6400 PNG bomb
// (41 megapixels, 330 MB decoded) and deep-colour or progressive pictures
// well under the pixel limit are refused before any pixel is decoded, while
// ordinary photos of the same size pass.
func TestMemoryLimitFromHeader(t *testing.T) {
	t.Parallel()
	g := newGate(DefaultLimits)
	for _, c := range []struct {
		name string
		data []byte
		want string // "" passes; otherwise a word of the message
	}{
		{"16-bit RGB PNG 6400×6400 (the bomb)", pngHeader(6400, 6400, 16, 2), "万像素"},
		{"16-bit RGB PNG 5000×5000", pngHeader(5000, 5000, 16, 2), "MB"},
		{"16-bit grey PNG with alpha 5000×5000", pngHeader(5000, 5000, 16, 4), "MB"},
		{"16-bit RGB PNG 4000×4000", pngHeader(4000, 4000, 16, 2), ""},
		{"8-bit RGB PNG 5000×5000", pngHeader(5000, 5000, 8, 2), ""},
		{"8-bit grey PNG 6000×6000", pngHeader(6000, 6000, 8, 0), ""},
		{"8-bit grey PNG with tRNS 6000×6000 (decoded as NRGBA)", pngHeader(6000, 6000, 8, 0, "tRNS"), "MB"},
		{"baseline 4:2:0 JPEG 6000×6000", jpegHeader(t, 6000, 6000, false), ""},
		{"progressive 4:2:0 JPEG 6000×6000 (coefficients kept)", jpegHeader(t, 6000, 6000, true), "MB"},
		{"progressive 4:2:0 JPEG 4000×3000", jpegHeader(t, 4000, 3000, true), ""},
		{"JPEG 8000×6000", jpegHeader(t, 8000, 6000, false), "万像素"},
	} {
		err := checkHeader(t, g, c.data)
		var me *market.Error
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && (!errors.As(err, &me) || me.Code != market.CodeInvalid || !strings.Contains(me.Fields["file"].ZH, c.want) ||
			me.Fields["file"].EN == "" || me.Message != me.Fields["file"]):
			t.Errorf("%s: got %v, want a 400 on file saying %q", c.name, err, c.want)
		}
	}
}

// TestDecodeCostCountsWhatTheDecoderAllocates: the estimate is not below
// what decoding really allocates (measured), for the common kinds. Not
// parallel: other tests' allocations would count.
func TestDecodeCostCountsWhatTheDecoderAllocates(t *testing.T) {
	opaque := image.NewRGBA(image.Rect(0, 0, 600, 400))
	for i := range opaque.Pix {
		opaque.Pix[i] = byte(i * 7)
	}
	deep := image.NewRGBA64(opaque.Rect)
	for i := range deep.Pix {
		deep.Pix[i] = byte(i * 13)
	}
	var pngRGB, png16, jpg bytes.Buffer
	_ = png.Encode(&pngRGB, opaque)
	_ = png.Encode(&png16, deep)
	_ = jpeg.Encode(&jpg, opaque, nil)
	for name, data := range map[string][]byte{"png": pngRGB.Bytes(), "png16": png16.Bytes(), "jpeg": jpg.Bytes()} {
		cfg, format, _ := image.DecodeConfig(bytes.NewReader(data))
		cost := decodeCost(cfg, format, data)
		var img image.Image
		got := bytesAllocated(func() { img, _, _ = image.Decode(bytes.NewReader(data)) })
		t.Logf("%s: allocated %d, estimate %d", name, got, cost)
		if img == nil || got > cost {
			t.Errorf("%s: decoding allocated %d bytes, estimate %d", name, got, cost)
		}
	}
}

// TestDecodesWaitForMemory: decodes in flight never hold more than
// DecodeMemory together; one that cannot get room within DecodeWait is
// refused as unavailable with a Retry-After, and one that waits gets in
// when room is freed.
func TestDecodesWaitForMemory(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	_ = png.Encode(&b, image.NewGray(image.Rect(0, 0, 1000, 1000)))
	data := b.Bytes()
	cfg, format, _ := image.DecodeConfig(bytes.NewReader(data))
	cost := decodeCost(cfg, format, data)
	limits := Limits{MaxPixels: 40_000_000, ImageMemory: cost, DecodeMemory: 2*cost + cost/2, DecodeWait: 50 * time.Millisecond}

	// All room taken: refused after the wait, as 503 with Retry-After.
	g := newGate(limits)
	hold, err := g.acquire(context.Background(), limits.DecodeMemory)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = process(context.Background(), g, data)
	var me *market.Error
	if !errors.As(err, &me) || me.Code != market.CodeUnavailable || me.RetryAfter <= 0 || time.Since(start) > 2*time.Second {
		t.Fatalf("decode with no room: %v after %s", err, time.Since(start))
	}
	// Room freed while waiting: the decode goes ahead.
	g.limits.DecodeWait = 5 * time.Second
	go func() { time.Sleep(100 * time.Millisecond); hold() }()
	if _, err := process(context.Background(), g, data); err != nil || time.Since(start) < 100*time.Millisecond {
		t.Fatalf("decode after room was freed: %v", err)
	}

	// Eight at once on room for two: all succeed, never more than two in flight.
	g = newGate(Limits{MaxPixels: limits.MaxPixels, ImageMemory: cost, DecodeMemory: limits.DecodeMemory, DecodeWait: time.Minute})
	done, peakc := make(chan struct{}), make(chan int64)
	go func() {
		var peak int64
		for {
			select {
			case <-done:
				peakc <- peak
				return
			default:
				peak = max(peak, g.inFlight.Load())
			}
		}
	}()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			_, err := process(context.Background(), g, data)
			errs <- err
		})
	}
	wg.Wait()
	close(done)
	peak := <-peakc
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if peak > limits.DecodeMemory || peak < cost {
		t.Errorf("peak memory in flight %d, limit %d (one decode %d)", peak, limits.DecodeMemory, cost)
	}
}

func bytesAllocated(f func()) int64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return int64(after.TotalAlloc - before.TotalAlloc)
}
