package uploads

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"runtime/debug"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"

	"doorstep/server/config"
	"doorstep/server/market"
)

// Limits bound the memory decoding images may take. A small compressed file
// can declare a huge picture (a 300 kB PNG of 6400×6400 16-bit pixels
// decodes to 330 MB), so the cost is computed from the header before any
// pixel is decoded.
type Limits struct {
	MaxPixels    int64         // UPLOAD_MAX_PIXELS: width × height
	ImageMemory  int64         // UPLOAD_IMAGE_MEMORY_MB: bytes one image may take to decode and re-encode
	DecodeMemory int64         // UPLOAD_DECODE_MEMORY_MB: bytes all decodes in flight may take together
	DecodeWait   time.Duration // UPLOAD_DECODE_WAIT: longest wait for room before answering 503
}

// LimitsOf reads the limits from the configuration.
func LimitsOf(c config.Config) Limits {
	return Limits{MaxPixels: int64(c.UploadMaxPixels), ImageMemory: int64(c.UploadImageMemoryMB) << 20,
		DecodeMemory: int64(c.UploadDecodeMemoryMB) << 20, DecodeWait: c.UploadDecodeWait}
}

// DefaultLimits allow a 40-megapixel phone photo and refuse deep-colour
// PNGs of more than about 16 megapixels.
var DefaultLimits = Limits{MaxPixels: 40_000_000, ImageMemory: 256 << 20, DecodeMemory: 512 << 20, DecodeWait: 5 * time.Second}

// bigDecode is the cost after which the memory is handed back to the
// system once no decode is running, so one large photo does not keep the
// process's footprint up.
const bigDecode = 32 << 20

var errBusy = &market.Error{Code: market.CodeUnavailable, RetryAfter: 5 * time.Second,
	Message: market.Msg{ZH: "图片处理繁忙，请稍后重试", EN: "image processing is busy; please try again in a moment"}}

// gate holds decodes to their memory: each takes its cost from a weighted
// semaphore, waiting at most Limits.DecodeWait (or the request's deadline).
type gate struct {
	limits   Limits
	sem      *semaphore.Weighted
	inFlight atomic.Int64 // bytes held by running decodes
	freeing  atomic.Bool
}

func newGate(l Limits) *gate {
	if l == (Limits{}) {
		l = DefaultLimits
	}
	return &gate{limits: l, sem: semaphore.NewWeighted(l.DecodeMemory)}
}

// check refuses a picture over the pixel or memory limits, naming the file field.
func (g *gate) check(cfg image.Config, cost int64) error {
	l := g.limits
	px := int64(cfg.Width) * int64(cfg.Height)
	if px > l.MaxPixels {
		mp, maxMP := megapixels(px), megapixels(l.MaxPixels)
		return tooBig(fmt.Sprintf("图片像素过多：这张是 %d×%d（约 %s 万像素），最多 %s 万像素。请缩小尺寸后再上传", cfg.Width, cfg.Height, mp.zh, maxMP.zh),
			fmt.Sprintf("the image has too many pixels: %d×%d (about %s megapixels), at most %s megapixels; scale it down and upload it again", cfg.Width, cfg.Height, mp.en, maxMP.en))
	}
	if cost > l.ImageMemory {
		need, limit := (cost+1<<20-1)>>20, l.ImageMemory>>20
		return tooBig(fmt.Sprintf("这张 %d×%d 的图片处理时约需 %d MB 内存，超过每张 %d MB 的上限（高色深的 PNG 最占内存）。请缩小尺寸或另存为普通 JPEG 后再上传", cfg.Width, cfg.Height, need, limit),
			fmt.Sprintf("processing this %d×%d image would take about %d MB of memory, more than the %d MB allowed per image (deep-colour PNGs take the most); scale it down or save it as an ordinary JPEG and upload it again", cfg.Width, cfg.Height, need, limit))
	}
	return nil
}

func tooBig(zh, en string) error {
	return market.E(market.CodeInvalid, zh, en).WithField("file", zh, en)
}

type mp struct{ zh, en string }

// megapixels writes a pixel count as 万像素 (10⁴) and megapixels (10⁶).
func megapixels(px int64) mp {
	return mp{zh: fmt.Sprintf("%d", (px+5_000)/10_000), en: fmt.Sprintf("%.1f", float64(px)/1e6)}
}

// acquire waits for room for cost bytes; release gives it back.
func (g *gate) acquire(ctx context.Context, cost int64) (release func(), err error) {
	ctx, cancel := context.WithTimeout(ctx, g.limits.DecodeWait)
	defer cancel()
	if err := g.sem.Acquire(ctx, cost); err != nil {
		return nil, errBusy
	}
	g.inFlight.Add(cost)
	return func() {
		g.sem.Release(cost)
		if g.inFlight.Add(-cost) == 0 && cost >= bigDecode && g.freeing.CompareAndSwap(false, true) {
			go func() {
				defer g.freeing.Store(false)
				debug.FreeOSMemory()
			}()
		}
	}, nil
}

// decodeCost is the most memory decoding and re-encoding the picture can
// take, from its header: what the decoder allocates (the image as the
// image package stores it, plus its working buffers), room for the
// re-encoded output (never more than the image itself) and the upright
// copy when the EXIF orientation turns it.
func decodeCost(cfg image.Config, format string, data []byte) int64 {
	px := int64(cfg.Width) * int64(cfg.Height)
	var decode, img int64
	switch format {
	case "jpeg":
		decode, img = jpegCost(data, cfg.ColorModel, cfg.Width, cfg.Height)
	case "png":
		img = px * pngBytesPerPixel(cfg.ColorModel, pngTransparent(data))
		decode = img
		if pngInterlaced(data) {
			decode += img // each pass is decoded into its own image, then copied
		}
	case "webp":
		switch cfg.ColorModel {
		case color.YCbCrModel: // lossy: 4:2:0 in 16-pixel macroblocks
			img = px*3/2 + px/8
			decode = img
		case color.NYCbCrAModel: // lossy with alpha, decoded through a lossless NRGBA
			img = px*5/2 + px/8
			decode = img + 8*px
		default: // lossless NRGBA; a colour-indexing transform copies it once
			img = 4 * px
			decode = 8 * px
		}
	default:
		img, decode = 8*px, 16*px
	}
	cost := decode + img
	if exifOrientation(data) > 1 {
		cost += 4 * px
	}
	return cost
}

// pngBytesPerPixel is the image type the PNG decoder builds. DecodeConfig
// stops at the header, so a tRNS chunk (which turns grey and truecolour
// into NRGBA) is looked for separately.
func pngBytesPerPixel(m color.Model, transparent bool) int64 {
	switch m {
	case color.GrayModel:
		if transparent {
			return 4
		}
		return 1
	case color.Gray16Model:
		if transparent {
			return 8
		}
		return 2
	case color.RGBAModel, color.NRGBAModel:
		return 4
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
}
