package vietqr

import (
	"fmt"

	qrcode "github.com/skip2/go-qrcode"
)

// maxPNGSize bounds the image side: size may come from a request, and the encoder
// allocates size² pixels.
const maxPNGSize = 2048

// PNG renders payload as a size×size PNG QR code (larger if size is too small for the
// payload's modules). Medium error correction (15%) keeps a VietQR payload at a low QR
// version, so modules stay big enough for phone cameras on screens and cheap printouts.
func PNG(payload string, size int) ([]byte, error) {
	if size < 1 || size > maxPNGSize {
		return nil, fmt.Errorf("vietqr: image size %d must be between 1 and %d pixels", size, maxPNGSize)
	}
	img, err := qrcode.Encode(payload, qrcode.Medium, size)
	if err != nil {
		return nil, fmt.Errorf("vietqr: rendering QR code: %w", err)
	}
	return img, nil
}
