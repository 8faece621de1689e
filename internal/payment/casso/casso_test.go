package casso

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/vn"
)

// vector mirrors casso_v2_webhook in testdata/payments.json.
type vector struct {
	Source string `json:"source"`
	Key    string `json:"key"`
	Header string `json:"header"`
	Body   string `json:"body"`
}

func loadVector(tb testing.TB) vector {
	tb.Helper()
	data, err := os.ReadFile("../../../testdata/payments.json")
	if err != nil {
		tb.Fatal(err)
	}
	var file struct {
		Casso vector `json:"casso_v2_webhook"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		tb.Fatal(err)
	}
	if file.Casso.Key == "" || file.Casso.Header == "" || file.Casso.Body == "" {
		tb.Fatal("payments.json has no Casso vector: has its layout changed?")
	}
	return file.Casso
}

// signedAt is the vector's t= value.
var signedAt = time.UnixMilli(1727948258788)

const maxAge = 5 * time.Minute

func TestVerifyVector(t *testing.T) {
	v := loadVector(t)
	if !strings.HasPrefix(v.Header, "t=1727948258788,") {
		t.Fatalf("vector header %q: has the vector changed?", v.Header)
	}
	got, err := Verify(v.Key, v.Header, []byte(v.Body), signedAt.Add(3*time.Second), maxAge)
	if err != nil {
		t.Fatal(err)
	}
	want := Webhook{
		Timestamp: signedAt,
		Data: Transaction{
			ID: 0, Reference: "MA_GIAO_DICH_THU_NGHIEM", Description: "giao dich thu nghiem",
			Amount: 599000, RunningBalance: 25000000,
			TransactionDateTime: time.Date(2024, 10, 3, 15, 6, 37, 0, vn.Zone),
			AccountNumber:       "88888888", BankName: "VPBank", BankAbbreviation: "VPB",
			CounterAccountName: "NGUYEN VAN A", CounterAccountNumber: "8888888888",
			CounterAccountBankID: "970415", CounterAccountBankName: "VietinBank",
		},
	}
	if !got.Timestamp.Equal(want.Timestamp) || !got.Data.TransactionDateTime.Equal(want.Data.TransactionDateTime) {
		t.Errorf("times = %v, %v", got.Timestamp, got.Data.TransactionDateTime)
	}
	got.Timestamp, got.Data.TransactionDateTime = want.Timestamp, want.Data.TransactionDateTime
	if got != want {
		t.Errorf("Verify =\n%+v\nwant\n%+v", got, want)
	}
	if !got.Data.Incoming() {
		t.Error("Incoming() = false for a positive amount")
	}
}

// The signature is over the canonical form, so any serialisation of the same value
// verifies: other key order, whitespace, escapes.
func TestVerifyVectorReserialised(t *testing.T) {
	v := loadVector(t)
	var value any
	if err := json.Unmarshal([]byte(v.Body), &value); err != nil {
		t.Fatal(err)
	}
	pretty, err := json.MarshalIndent(value, "", "\t") // sorted keys, indented, HTML-escaped
	if err != nil {
		t.Fatal(err)
	}
	reordered := `{ "data" : {"amount":599000, "id":0,"reference":"MA_GIAO_DICH_THU_NGHIEM","description":"giao d\u0069ch thu nghiem","runningBalance":25000000,"transactionDateTime":"2024-10-03 15:06:37","accountNumber":"88888888","bankName":"VPBank","bankAbbreviation":"VPB","virtualAccountNumber":"","virtualAccountName":"","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"8888888888","counterAccountBankId":"970415","counterAccountBankName":"VietinBank"},
		"error" : 0 }`
	for name, body := range map[string]string{"indented": string(pretty), "reordered": reordered} {
		if _, err := Verify(v.Key, v.Header, []byte(body), signedAt, maxAge); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The canonical form of the vector, written out by hand: keys sorted at both levels.
func TestCanonicalVector(t *testing.T) {
	v := loadVector(t)
	want := `{"data":{"accountNumber":"88888888","amount":599000,"bankAbbreviation":"VPB","bankName":"VPBank","counterAccountBankId":"970415","counterAccountBankName":"VietinBank","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"8888888888","description":"giao dich thu nghiem","id":0,"reference":"MA_GIAO_DICH_THU_NGHIEM","runningBalance":25000000,"transactionDateTime":"2024-10-03 15:06:37","virtualAccountName":"","virtualAccountNumber":""},"error":0}`
	got, err := Canonical([]byte(v.Body))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("Canonical =\n%s\nwant\n%s", got, want)
	}
	// And the vector's signature is HMAC-SHA512 of t + "." + that, computed here.
	m := hmac.New(sha512.New, []byte(v.Key))
	m.Write([]byte("1727948258788." + want))
	if sig := "v1=" + hex.EncodeToString(m.Sum(nil)); !strings.HasSuffix(v.Header, sig) {
		t.Errorf("hand-computed %s is not the vector's", sig)
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"b":1,"a":{"d":[3,{"z":1,"y":2}],"c":null}}`, `{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}`},
		{` [ 1.50 , 1e3, -0, 10E+2 ] `, `[1.50,1e3,-0,10E+2]`}, // numbers as written
		{`"<a href='x'>&amp;</a>"`, `"<a href='x'>&amp;</a>"`}, // no HTML escaping
		{`"\u003c\/\u00e9\u1ebf"`, `"</éế"`},                   // escapes decoded
		{`"a\"b\\c\n\r\t\b\f\u0001\u001f\u007f"`, `"a\"b\\c\n\r\t\b\f\u0001\u001f` + "\x7f" + `"`},
		{`"\u2028\u2029"`, "\"\u2028\u2029\""}, // as JSON.stringify: not escaped
		{`{"é":1,"e":2,"z":3,"A":4}`, `{"A":4,"e":2,"z":3,"é":1}`},
		{`{}`, `{}`}, {`[]`, `[]`}, {`true`, `true`}, {`false`, `false`}, {`null`, `null`},
	}
	for _, tt := range tests {
		got, err := Canonical([]byte(tt.in))
		if err != nil {
			t.Errorf("Canonical(%s): %v", tt.in, err)
		} else if string(got) != tt.want {
			t.Errorf("Canonical(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{
		``, `{`, `{"a":1,}`, `{"a":1}{"b":2}`, `{"a":1} x`, `{"a":1,"a":2}`, `{"amount":1,"Amount":2}`,
		`[1 2]`, `{"a" 1}`, `'a'`, "\"\xff\"", strings.Repeat("[", 40) + strings.Repeat("]", 40),
	} {
		if got, err := Canonical([]byte(bad)); err == nil {
			t.Errorf("Canonical(%q) = %s, want an error", bad, got)
		}
	}
}

const testKey = "test-checksum-key"

// sign returns a header signing body, which must already be canonical (checked), with
// testKey at ts; the HMAC is computed here, not by Verify's code.
func sign(t *testing.T, body string, ts time.Time) string {
	t.Helper()
	if c, err := Canonical([]byte(body)); err != nil || string(c) != body {
		t.Fatalf("test body is not canonical: %s, %v", c, err)
	}
	m := hmac.New(sha512.New, []byte(testKey))
	tsText := strconv.FormatInt(ts.UnixMilli(), 10)
	m.Write([]byte(tsText + "." + body))
	return "t=" + tsText + ",v1=" + hex.EncodeToString(m.Sum(nil))
}

// canonicalBody is a valid webhook body already in canonical form; fields can be
// replaced with strings.Replace.
const canonicalBody = `{"data":{"accountNumber":"0011001234567","amount":350000,"description":"CK ABCDEFGH","id":1234,"reference":"FT26027ABC","transactionDateTime":"2026-01-27 08:15:00"},"error":0}`

func TestVerifyOwnSigned(t *testing.T) {
	now := time.Date(2026, 1, 27, 1, 15, 30, 0, time.UTC)
	got, err := Verify(testKey, sign(t, canonicalBody, now), []byte(canonicalBody), now, maxAge)
	if err != nil {
		t.Fatal(err)
	}
	if got.Data.ID != 1234 || got.Data.Amount != 350000 || got.Data.Description != "CK ABCDEFGH" ||
		!got.Data.TransactionDateTime.Equal(time.Date(2026, 1, 27, 1, 15, 0, 0, time.UTC)) {
		t.Errorf("Verify = %+v", got)
	}
	out := strings.Replace(canonicalBody, `"amount":350000`, `"amount":-350000`, 1)
	got, err = Verify(testKey, sign(t, out, now), []byte(out), now, maxAge)
	if err != nil || got.Data.Incoming() {
		t.Errorf("outgoing transfer: %+v, %v", got, err)
	}
}

func TestVerifyRejects(t *testing.T) {
	v := loadVector(t)
	vnow := signedAt.Add(time.Second)
	now := time.Date(2026, 1, 27, 1, 15, 30, 0, time.UTC)
	replace := func(old, new string) string {
		b := strings.Replace(canonicalBody, old, new, 1)
		if b == canonicalBody {
			t.Fatalf("%q not in body", old)
		}
		return b
	}
	withOwn := func(body string) (string, string) { return sign(t, body, now), body }
	type tc struct {
		name    string
		key     string
		header  string
		body    string
		now     time.Time
		is      error // ErrSignature, ErrStale or nil for other errors
		mention string
	}
	tests := []tc{
		{"wrong key", "mgExMrjj4i7a1p8Cs6LmFbpCd8lbw4sSX4LZXPag7TKazeIogtR90tvWYTkwQbvt", v.Header, v.Body, vnow, ErrSignature, ""},
		{"tampered amount", v.Key, v.Header, strings.Replace(v.Body, "599000", "5990000", 1), vnow, ErrSignature, ""},
		{"tampered description", v.Key, v.Header, strings.Replace(v.Body, "giao dich", "ABCDEFGH", 1), vnow, ErrSignature, ""},
		{"added field", v.Key, v.Header, strings.Replace(v.Body, `"error":0`, `"error":0,"x":1`, 1), vnow, ErrSignature, ""},
		{"tampered timestamp", v.Key, strings.Replace(v.Header, "t=1727948258788", "t=1727948258789", 1), v.Body, vnow, ErrSignature, ""},
		{"stale", v.Key, v.Header, v.Body, signedAt.Add(maxAge + time.Second), ErrStale, "allowed 5m0s"},
		{"future", v.Key, v.Header, v.Body, signedAt.Add(-maxAge - time.Second), ErrStale, ""},
		{"no header", v.Key, "", v.Body, vnow, ErrSignature, "no X-Casso-Signature"},
		{"no t", v.Key, v.Header[strings.Index(v.Header, "v1="):], v.Body, vnow, ErrSignature, "both"},
		{"no v1", v.Key, "t=1727948258788", v.Body, vnow, ErrSignature, "both"},
		{"two t", v.Key, "t=1," + v.Header, v.Body, vnow, ErrSignature, "two timestamps"},
		{"t in seconds with letters", v.Key, strings.Replace(v.Header, "t=1727948258788", "t=17279x", 1), v.Body, vnow, ErrSignature, "milliseconds"},
		{"v1 short", v.Key, v.Header[:len(v.Header)-2], v.Body, vnow, ErrSignature, "128 hex"},
		{"v1 not hex", v.Key, strings.Replace(v.Header, "v1=e", "v1=g", 1), v.Body, vnow, ErrSignature, "128 hex"},
		{"entry without =", v.Key, v.Header + ",junk", v.Body, vnow, ErrSignature, "key=value"},
		{"huge header", v.Key, v.Header + "," + strings.Repeat("x=1,", 300), v.Body, vnow, ErrSignature, "longer"},
		{"not JSON", v.Key, v.Header, "error=0&amount=599000", vnow, nil, "JSON"},
		{"duplicate key", v.Key, v.Header, strings.Replace(v.Body, `"error":0`, `"error":0,"error":1`, 1), vnow, nil, `"error"`},
		{"empty key", "", v.Header, v.Body, vnow, nil, "checksum key"},
		{"zero max age", v.Key, v.Header, v.Body, vnow, nil, "maxAge"},
	}
	own := []struct {
		name, body, mention string
	}{
		{"error reported", replace(`"error":0`, `"error":1`), "error 1"},
		{"no error field", replace(`,"error":0`, ``), "no error field"},
		{"no data", `{"error":0}`, "no data"},
		{"data not object", `{"data":[],"error":0}`, `"data" must not be a JSON array`},
		{"missing amount", replace(`"amount":350000,`, ``), "amount"},
		{"missing id", replace(`"id":1234,`, ``), "id"},
		{"missing description", replace(`"description":"CK ABCDEFGH",`, ``), "description"},
		{"missing account", replace(`"accountNumber":"0011001234567",`, ``), "accountNumber"},
		{"empty account", replace(`"accountNumber":"0011001234567"`, `"accountNumber":""`), "accountNumber"},
		{"missing reference", replace(`,"reference":"FT26027ABC"`, ``), "reference"},
		{"missing date", replace(`,"transactionDateTime":"2026-01-27 08:15:00"`, ``), "transactionDateTime"},
		{"null amount", replace(`"amount":350000`, `"amount":null`), "amount"},
		{"zero amount", replace(`"amount":350000`, `"amount":0`), "amount is 0"},
		{"fractional amount", replace(`"amount":350000`, `"amount":350000.5`), "whole number"},
		{"exponent amount", replace(`"amount":350000`, `"amount":3.5e5`), "whole number"},
		{"string amount", replace(`"amount":350000`, `"amount":"350000"`), "whole number"},
		{"negative id", replace(`"id":1234`, `"id":-1`), "id"},
		{"ISO date", replace(`2026-01-27 08:15:00`, `2026-01-27T08:15:00Z`), "YYYY-MM-DD HH:MM:SS"},
		{"impossible date", replace(`2026-01-27 08:15:00`, `2026-02-30 08:15:00`), "transactionDateTime"},
	}
	for _, o := range own {
		h, b := withOwn(o.body)
		tests = append(tests, tc{o.name, testKey, h, b, now, nil, o.mention})
	}
	for _, tt := range tests {
		age := maxAge
		if tt.name == "zero max age" {
			age = 0
		}
		_, err := Verify(tt.key, tt.header, []byte(tt.body), tt.now, age)
		if err == nil {
			t.Errorf("%s: Verify succeeded", tt.name)
			continue
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: error %v is not %v", tt.name, err, tt.is)
		}
		if tt.is == nil && (errors.Is(err, ErrSignature) || errors.Is(err, ErrStale)) {
			t.Errorf("%s: error %v should be neither ErrSignature nor ErrStale", tt.name, err)
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
		if (tt.key != "" && strings.Contains(err.Error(), tt.key)) || len(err.Error()) > 200 {
			t.Errorf("%s: error %q contains the key or a hash", tt.name, err)
		}
	}
}

// Verification order: a stale but genuine delivery is ErrStale, not ErrSignature, so
// logs can tell a replay from a forgery.
func TestStaleIsNotForgery(t *testing.T) {
	v := loadVector(t)
	_, err := Verify(v.Key, v.Header, []byte(v.Body), time.Now(), maxAge)
	if !errors.Is(err, ErrStale) || errors.Is(err, ErrSignature) {
		t.Errorf("Verify(now) = %v, want ErrStale only", err)
	}
}

func FuzzCanonical(f *testing.F) {
	f.Add([]byte(loadVector(f).Body))
	f.Add([]byte(`{"b":[{"d":1,"c":"\u2028\n"}],"a":1.0e-5}`))
	f.Add([]byte(`"\ud800"`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := Canonical(body)
		if err != nil {
			return
		}
		if !json.Valid(c) {
			t.Fatalf("Canonical(%q) = %q is not valid JSON", body, c)
		}
		cc, err := Canonical(c)
		if err != nil || string(cc) != string(c) {
			t.Fatalf("Canonical not idempotent on %q: %q then %q, %v", body, c, cc, err)
		}
	})
}

func FuzzVerify(f *testing.F) {
	v := loadVector(f)
	f.Add(v.Header, []byte(v.Body))
	f.Add("t=1727948258788,v1=00,v1=", []byte(`{"error":0,"data":{"amount":1e999}}`))
	f.Add(" t = 1 , v1 = ", []byte(`{}`))
	f.Fuzz(func(t *testing.T, header string, body []byte) {
		w, err := Verify(v.Key, header, body, signedAt, maxAge)
		if err == nil && (w.Data.Amount == 0 || w.Data.AccountNumber == "") {
			t.Fatalf("accepted %+v", w)
		}
	})
}
