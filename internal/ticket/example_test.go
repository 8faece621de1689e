package ticket_test

import (
	"crypto/ed25519"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"time"

	"github.com/benxe/benxe/internal/ticket"
)

// A boarding scanner verifies tickets offline: it fetches the PEM public
// key from GET /tickets/public-key once, then checks each scanned QR code
// with nothing but that key.
func ExampleVerify() {
	// On the server: the key comes from a 32-byte seed kept in the database.
	seed := make([]byte, ed25519.SeedSize)
	signer, _ := ticket.NewSigner(seed)
	der, _ := x509.MarshalPKIXPublicKey(signer.PublicKey())
	publicPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
	token, _ := signer.Sign(ticket.Claims{
		Booking: "KX7M2QPA", Seat: "B12", Trip: 4812, From: 0, To: 3,
		Departs:   time.Date(2026, 2, 12, 22, 30, 0, 0, time.UTC),
		Passenger: "Nguyễn Văn An", Issued: time.Date(2026, 1, 20, 8, 15, 0, 0, time.UTC),
	})

	// On the scanner, offline: parse the saved key, verify the scanned text.
	block, _ := pem.Decode(publicPEM)
	key, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		panic(err)
	}
	pub := key.(ed25519.PublicKey)
	c, err := ticket.Verify(pub, token)
	if err != nil {
		fmt.Println("invalid ticket:", err)
		return
	}
	fmt.Println(c.Booking, c.Seat, c.Passenger, c.Departs.Format(time.RFC3339))

	// A ticket edited after signing is refused.
	edited := []byte(token)
	edited[10] = map[bool]byte{true: 'B', false: 'A'}[edited[10] == 'A']
	_, err = ticket.Verify(pub, string(edited))
	fmt.Println(err)
	// Output:
	// KX7M2QPA B12 Nguyễn Văn An 2026-02-12T22:30:00Z
	// ticket: invalid token: bad signature
}
