package uploads

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"net/http"

	xdraw "golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // decode WebP uploads

	"doorstep/server/market"
)

const (
	MaxBytes   = 5 << 20 // per image
	thumbWidth = 320

	MaxSizeLabel = "5 MB"
)

// ServedTypes are the types images are stored and served as: uploads are
// re-encoded, so nothing else ever leaves the server.
var ServedTypes = []string{"image/jpeg", "image/png"}

var (
	errType  = market.FieldError("file", "只接受 JPEG、PNG 或 WebP 图片", "only JPEG, PNG or WebP images are accepted")
	errSize  = market.FieldError("file", "图片不能超过5MB", "the image must be at most 5 MB")
	errImage = market.FieldError("file", "图片无法读取，请换一张 JPEG、PNG 或 WebP 图片", "the image cannot be read; try another JPEG, PNG or WebP image")
)

// processed is an upload made safe: decoded to pixels and encoded again,
// so nothing but the picture survives (no EXIF, no GPS, no trailing payload).
type processed struct {
	full, thumb   []byte
	contentType   string
	width, height int
}

// process checks the bytes really are an image of an accepted type (the
// type is sniffed from the content, never taken from the name), turns it
// upright (EXIF orientation) and re-encodes it with a thumbnail. The
// header's dimensions and colour depth decide, before decoding, whether the
// picture fits the memory limits; the decode then waits for its share of
// the memory all decodes in flight may take.
func process(ctx context.Context, g *gate, data []byte) (processed, error) {
	if len(data) > MaxBytes {
		return processed{}, errSize
	}
	switch http.DetectContentType(data) {
	case "image/jpeg", "image/png", "image/webp":
	default:
		return processed{}, errType
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width < 1 || cfg.Height < 1 {
		return processed{}, errImage
	}
	cost := decodeCost(cfg, format, data)
	if err := g.check(cfg, cost); err != nil {
		return processed{}, err
	}
	release, err := g.acquire(ctx, cost)
	if err != nil {
		return processed{}, err
	}
	defer release()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return processed{}, errImage
	}
	img = orient(img, exifOrientation(data))
	out := processed{width: img.Bounds().Dx(), height: img.Bounds().Dy()}
	if out.full, out.contentType, err = encode(img); err != nil {
		return processed{}, err
	}
	w := min(thumbWidth, out.width)
	h := max(1, out.height*w/out.width)
	thumb := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(thumb, thumb.Bounds(), img, img.Bounds(), draw.Over, nil)
	if out.thumb, _, err = encode(thumb); err != nil {
		return processed{}, err
	}
	return out, nil
}

// encode writes JPEG, or PNG when the picture has transparency.
func encode(img image.Image) ([]byte, string, error) {
	var b bytes.Buffer
	if o, ok := img.(interface{ Opaque() bool }); ok && !o.Opaque() {
		err := png.Encode(&b, img)
		return b.Bytes(), "image/png", err
	}
	err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85})
	return b.Bytes(), "image/jpeg", err
}

// exifOrientation reads the EXIF orientation tag (1–8) of a JPEG; 1 when absent.
func exifOrientation(data []byte) int {
	o := 1
	jpegSegments(data, func(marker byte, seg []byte) bool {
		if marker != 0xE1 || len(seg) <= 14 || string(seg[:6]) != "Exif\x00\x00" {
			return true
		}
		if v, err := tiffOrientation(seg[6:]); err == nil {
			o = v
		}
		return false
	})
	return o
}

func tiffOrientation(t []byte) (int, error) {
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1, errors.New("not TIFF")
	}
	off := int(bo.Uint32(t[4:]))
	if off+2 > len(t) {
		return 1, errors.New("short")
	}
	n := int(bo.Uint16(t[off:]))
	for e := 0; e < n; e++ {
		p := off + 2 + e*12
		if p+12 > len(t) {
			break
		}
		if bo.Uint16(t[p:]) == 0x0112 {
			if v := int(bo.Uint16(t[p+8:])); v >= 1 && v <= 8 {
				return v, nil
			}
		}
	}
	return 1, nil
}

// orient turns a picture upright according to its EXIF orientation.
func orient(src image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return src
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			dst.Set(dx, dy, src.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return dst
}
