package ticket

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"
)

func testSigner(t testing.TB, b byte) *Signer {
	t.Helper()
	s, err := NewSigner(bytes.Repeat([]byte{b}, ed25519.SeedSize))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// realistic are claims as the ticket page issues them: a long Vietnamese
// name, a berth on the upper deck, a trip id of a big network.
var realistic = Claims{
	Booking: "KX7M2QPA", Seat: "B12", Trip: 48_123_456, From: 0, To: 3,
	Departs:   time.Date(2026, 2, 12, 22, 30, 0, 0, time.UTC),
	Passenger: "Nguyễn Thị Phương Thảo", Issued: time.Date(2026, 1, 20, 8, 15, 42, 0, time.UTC),
}

func TestRoundTrip(t *testing.T) {
	s := testSigner(t, 1)
	tok, err := s.Sign(realistic)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tok, "BX1.") || strings.Count(tok, ".") != 2 {
		t.Fatalf("token %q has the wrong shape", tok)
	}
	if len(tok) >= 300 {
		t.Fatalf("token is %d characters; a QR code of it is too dense", len(tok))
	}
	t.Logf("token (%d chars): %s", len(tok), tok)
	c, err := Verify(s.PublicKey(), tok)
	if err != nil {
		t.Fatal(err)
	}
	if !sameClaims(c, realistic) {
		t.Fatalf("claims %+v, want %+v", c, realistic)
	}
	// Signing is deterministic: the page and its QR image agree.
	if again, _ := s.Sign(realistic); again != tok {
		t.Fatalf("signing twice gave %q and %q", tok, again)
	}
	// Sub-second parts and zones do not matter.
	local := realistic
	local.Departs = realistic.Departs.In(time.FixedZone("ICT", 7*3600)).Add(999 * time.Millisecond)
	if tok2, _ := s.Sign(local); tok2 != tok {
		t.Fatalf("a time in another zone changed the token")
	}
}

func sameClaims(a, b Claims) bool {
	return a.Booking == b.Booking && a.Seat == b.Seat && a.Trip == b.Trip && a.From == b.From && a.To == b.To &&
		a.Departs.Equal(b.Departs) && a.Passenger == b.Passenger && a.Issued.Equal(b.Issued)
}

func TestLongestNameStillFits(t *testing.T) {
	s := testSigner(t, 1)
	c := realistic
	c.Passenger = strings.Repeat("Ữ", MaxPassenger/3) // 3 bytes each
	tok, err := s.Sign(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(tok) > MaxTokenLen {
		t.Fatalf("the largest token is %d characters, over MaxTokenLen %d", len(tok), MaxTokenLen)
	}
	if _, err := Verify(s.PublicKey(), tok); err != nil {
		t.Fatal(err)
	}
}

func TestSignRefusesBadClaims(t *testing.T) {
	s := testSigner(t, 1)
	for name, edit := range map[string]func(*Claims){
		"no code":        func(c *Claims) { c.Booking = "" },
		"code with dot":  func(c *Claims) { c.Booking = "AB.CD" },
		"long seat":      func(c *Claims) { c.Seat = "A123456789" },
		"no trip":        func(c *Claims) { c.Trip = 0 },
		"empty segment":  func(c *Claims) { c.To = c.From },
		"no departure":   func(c *Claims) { c.Departs = time.Time{} },
		"no issue time":  func(c *Claims) { c.Issued = time.Time{} },
		"bad utf-8":      func(c *Claims) { c.Passenger = "An\xff" },
		"newline":        func(c *Claims) { c.Passenger = "An\nBình" },
		"too long name":  func(c *Claims) { c.Passenger = strings.Repeat("a", MaxPassenger+1) },
		"line separator": func(c *Claims) { c.Passenger = "An\u2028" },
	} {
		c := realistic
		edit(&c)
		if _, err := s.Sign(c); !errors.Is(err, ErrClaims) {
			t.Errorf("%s: Sign gave %v, want ErrClaims", name, err)
		}
	}
}

func TestTampering(t *testing.T) {
	s := testSigner(t, 1)
	pub := s.PublicKey()
	tok, err := s.Sign(realistic)
	if err != nil {
		t.Fatal(err)
	}
	payloadText, sigText, _ := strings.Cut(strings.TrimPrefix(tok, Prefix), ".")
	payload, _ := base64.RawURLEncoding.DecodeString(payloadText)
	sig, _ := base64.RawURLEncoding.DecodeString(sigText)
	enc := base64.RawURLEncoding.EncodeToString

	otherSeat := bytes.Replace(payload, []byte(`"s":"B12"`), []byte(`"s":"B13"`), 1)
	flipped := append([]byte(nil), sig...)
	flipped[10] ^= 1
	cases := map[string]struct {
		tok  string
		want error
	}{
		"other seat":          {Prefix + enc(otherSeat) + "." + sigText, ErrSignature},
		"flipped signature":   {Prefix + payloadText + "." + enc(flipped), ErrSignature},
		"short signature":     {Prefix + payloadText + "." + enc(sig[:63]), ErrFormat},
		"padded signature":    {Prefix + payloadText + "." + base64.URLEncoding.EncodeToString(sig), ErrFormat},
		"version 2":           {"BX2." + payloadText + "." + sigText, ErrVersion},
		"lower-case version":  {"bx1." + payloadText + "." + sigText, ErrFormat},
		"no version":          {payloadText + "." + sigText, ErrFormat},
		"extra part":          {tok + ".x", ErrFormat},
		"no signature":        {Prefix + payloadText, ErrFormat},
		"empty payload":       {Prefix + "." + sigText, ErrFormat},
		"line break":          {Prefix + payloadText[:10] + "\n" + payloadText[10:] + "." + sigText, ErrFormat},
		"space":               {tok + " ", ErrFormat},
		"empty":               {"", ErrFormat},
		"huge":                {Prefix + strings.Repeat("A", 5000) + "." + sigText, ErrFormat},
		"trailing bits":       {Prefix + payloadText + "." + sigText[:85] + flipLastBits(sigText[85:]), ErrFormat},
		"signature elsewhere": {Prefix + enc(otherSeat) + "." + enc(ed25519.Sign(testSigner(t, 1).key, otherSeat)), ErrSignature},
	}
	if std := base64.RawStdEncoding.EncodeToString(sig); std != sigText {
		cases["std base64"] = struct {
			tok  string
			want error
		}{Prefix + payloadText + "." + std, ErrFormat}
	}
	for name, c := range cases {
		if _, err := Verify(pub, c.tok); !errors.Is(err, c.want) || !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: Verify gave %v, want %v", name, err, c.want)
		}
	}
}

// flipLastBits changes the unused low bits of the last base64 character,
// which a lax decoder ignores.
func flipLastBits(last string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	i := strings.IndexByte(alphabet, last[0])
	return string(alphabet[i^1])
}

// TestNonCanonicalPayload signs payloads that mean the same claims but are
// spelled differently: only the canonical one verifies.
func TestNonCanonicalPayload(t *testing.T) {
	s := testSigner(t, 1)
	sign := func(payload string) string {
		signed := Prefix + base64.RawURLEncoding.EncodeToString([]byte(payload))
		return signed + "." + base64.RawURLEncoding.EncodeToString(ed25519.Sign(s.key, []byte(signed)))
	}
	canon := `{"b":"KX7M2QPA","s":"B12","t":48123456,"f":0,"o":3,"d":1770935400,"n":"An","i":1768896942}`
	if _, err := Verify(s.PublicKey(), sign(canon)); err != nil {
		t.Fatalf("the canonical payload: %v", err)
	}
	for _, p := range []string{
		`{"s":"B12","b":"KX7M2QPA","t":48123456,"f":0,"o":3,"d":1770935400,"n":"An","i":1768896942}`,
		`{"b":"KX7M2QPA", "s":"B12","t":48123456,"f":0,"o":3,"d":1770935400,"n":"An","i":1768896942}`,
		`{"b":"KX7M2QPA","s":"B12","t":48123456,"f":0,"o":3,"d":1770935400,"n":"\u0041n","i":1768896942}`,
		`{"b":"KX7M2QPA","b":"KX7M2QPA","s":"B12","t":48123456,"f":0,"o":3,"d":1770935400,"n":"An","i":1768896942}`,
		`{"b":"KX7M2QPA","s":"B12","t":48123456,"f":0,"o":3,"d":1770935400,"n":"An","i":1768896942,"x":1}`,
		`{"b":"KX7M2QPA","s":"B12","t":48123456,"f":0,"o":3,"d":1770935400,"n":"An","i":1768896942}` + "\n",
		`{"b":"KX7M2QPA","s":"B12","t":48123456,"f":-0,"o":3,"d":1770935400,"n":"An","i":1768896942}`,
		`{"b":"KX7M2QPA","s":"B12","t":48123456,"o":3,"d":1770935400,"n":"An","i":1768896942}`,
		`{"b":"KX7M2QPA","s":"B12","t":48123456,"f":0,"o":3,"d":1770935400,"n":"An","i":1768896942}{}`,
		`[]`,
	} {
		if _, err := Verify(s.PublicKey(), sign(p)); !errors.Is(err, ErrClaims) {
			t.Errorf("payload %s: Verify gave %v, want ErrClaims", p, err)
		}
	}
}

func TestWrongKey(t *testing.T) {
	tok, err := testSigner(t, 1).Sign(realistic)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(testSigner(t, 2).PublicKey(), tok); !errors.Is(err, ErrSignature) {
		t.Fatalf("another key: %v, want ErrSignature", err)
	}
	if _, err := Verify(ed25519.PublicKey{1, 2, 3}, tok); err == nil {
		t.Fatal("a 3-byte key verified a token")
	}
	if _, err := NewSigner(make([]byte, 31)); err == nil {
		t.Fatal("NewSigner took a 31-byte seed")
	}
}

func FuzzVerify(f *testing.F) {
	s := testSigner(f, 1)
	tok, err := s.Sign(realistic)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(tok)
	f.Add(tok[:len(tok)-1])
	f.Add("BX1..")
	f.Add("BX1")
	f.Add("BX1.e30." + strings.Repeat("A", 86))
	f.Add("")
	other := realistic
	other.Passenger, other.Seat = "", "A01"
	tok2, _ := s.Sign(other)
	f.Add(tok2)
	pub := s.PublicKey()
	f.Fuzz(func(t *testing.T, token string) {
		c, err := Verify(pub, token)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Verify(%q) failed with %v, which is not ErrInvalid", token, err)
			}
			return
		}
		// A token that verifies is exactly what signing its claims gives.
		again, err := s.Sign(c)
		if err != nil {
			t.Fatalf("Verify accepted claims %+v that Sign refuses: %v", c, err)
		}
		if again != token {
			t.Fatalf("Verify accepted %q, but its claims sign as %q", token, again)
		}
		if _, err := Verify(pub, again); err != nil {
			t.Fatalf("re-signed token fails: %v", err)
		}
	})
}
