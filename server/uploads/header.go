package uploads

import (
	"encoding/binary"
	"image/color"
)

// jpegSegments calls f with each marker segment before the picture data
// (start of scan), until f returns false.
func jpegSegments(data []byte, f func(marker byte, seg []byte) bool) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return
		}
		marker := data[i+1]
		switch {
		case marker == 0xFF: // fill byte
			i++
			continue
		case marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8): // no length
			i += 2
			continue
		}
		size := int(binary.BigEndian.Uint16(data[i+2:]))
		if marker == 0xDA || marker == 0xD9 || size < 2 || i+2+size > len(data) {
			return
		}
		if !f(marker, data[i+4:i+2+size]) {
			return
		}
		i += 2 + size
	}
}

// jpegCost is what Go's JPEG decoder allocates: one plane per component
// padded to whole MCUs (img), a 64-int32 block per 8×8 of each plane when
// progressive, and an RGBA or CMYK copy for RGB and four-component files.
// Without a readable frame header it assumes the worst: progressive 4:4:4.
func jpegCost(data []byte, m color.Model, w, h int) (decode, img int64) {
	progressive, factors := true, [][2]int{{1, 1}, {1, 1}, {1, 1}, {1, 1}}
	if m == color.GrayModel {
		factors = factors[:1]
	}
	jpegSegments(data, func(marker byte, seg []byte) bool {
		if marker < 0xC0 || marker > 0xC2 || len(seg) < 6 {
			return true
		}
		n := int(seg[5])
		if n < 1 || n > 4 || len(seg) < 6+3*n {
			return false
		}
		progressive, factors = marker == 0xC2, make([][2]int, n)
		for c := range n {
			hv := seg[6+3*c+1]
			factors[c] = [2]int{max(1, int(hv>>4)), max(1, int(hv&0x0F))}
		}
		if n == 1 { // a single component is never interleaved
			factors[0] = [2]int{1, 1}
		}
		return false
	})
	hmax, vmax := 1, 1
	for _, f := range factors {
		hmax, vmax = max(hmax, f[0]), max(vmax, f[1])
	}
	mcus := int64((w+8*hmax-1)/(8*hmax)) * int64((h+8*vmax-1)/(8*vmax))
	var planes int64
	for _, f := range factors {
		planes += 64 * mcus * int64(f[0]*f[1])
	}
	img = planes
	decode = planes
	if progressive {
		decode += 4 * planes
	}
	if m == color.RGBAModel || m == color.CMYKModel {
		img = 4 * int64(w) * int64(h)
		decode += img
	}
	return decode, img
}

// pngChunks calls f with the type of each chunk before the image data.
func pngChunks(data []byte, f func(typ string, body []byte)) {
	for i := 8; i+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if typ == "IDAT" || n < 0 || i+12+n > len(data) {
			return
		}
		f(typ, data[i+8:i+8+n])
		i += 12 + n
	}
}

func pngTransparent(data []byte) (found bool) {
	pngChunks(data, func(typ string, _ []byte) { found = found || typ == "tRNS" })
	return found
}

func pngInterlaced(data []byte) (interlaced bool) {
	pngChunks(data, func(typ string, body []byte) {
		if typ == "IHDR" && len(body) == 13 {
			interlaced = body[12] != 0
		}
	})
	return interlaced
}
