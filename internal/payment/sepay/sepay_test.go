package sepay

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/vn"
)

// testdata/payments.json has no SePay vector. The body below is the example on SePay's
// webhook page (with our description added); HMAC signatures are computed here with
// crypto/hmac over strings built by hand.
const docBody = `{
  "id": 92704,
  "gateway": "Vietcombank",
  "transactionDate": "2023-03-25 14:02:37",
  "accountNumber": "0123499999",
  "code": null,
  "content": "chuyen tien mua iphone",
  "transferType": "in",
  "transferAmount": 2277000,
  "accumulated": 19077000,
  "subAccount": null,
  "referenceCode": "MBVCB.3278907687",
  "description": ""
}`

const (
	testAPIKey = "K3y-for-tests-9Qz4"
	testSecret = "Hm4c-secret-for-tests-7Wx"
)

func docTransaction() Transaction {
	return Transaction{
		ID: 92704, Gateway: "Vietcombank", TransactionDate: time.Date(2023, 3, 25, 14, 2, 37, 0, vn.Zone),
		AccountNumber: "0123499999", Content: "chuyen tien mua iphone", TransferType: "in",
		TransferAmount: 2277000, Accumulated: 19077000, ReferenceCode: "MBVCB.3278907687",
	}
}

func equal(a, b Transaction) bool {
	if !a.TransactionDate.Equal(b.TransactionDate) {
		return false
	}
	a.TransactionDate = b.TransactionDate
	return a == b
}

func TestParseDocExample(t *testing.T) {
	got, err := Parse([]byte(docBody))
	if err != nil {
		t.Fatal(err)
	}
	if want := docTransaction(); !equal(got, want) {
		t.Errorf("Parse =\n%+v\nwant\n%+v", got, want)
	}
	if !got.Incoming() {
		t.Error("Incoming() = false for transferType in")
	}
	out := strings.Replace(docBody, `"transferType": "in"`, `"transferType": "out"`, 1)
	got, err = Parse([]byte(out))
	if err != nil || got.Incoming() {
		t.Errorf("out transfer: Incoming() = %v, %v", got.Incoming(), err)
	}
	// Optional fields: code and subAccount as strings, description and accumulated absent.
	opt := strings.NewReplacer(`"code": null`, `"code": "BXABCDEFGH"`, `"subAccount": null`, `"subAccount": "VQR1"`,
		`"accumulated": 19077000,`, ``, `,
  "description": ""`, ``).Replace(docBody)
	got, err = Parse([]byte(opt))
	if err != nil || got.Code != "BXABCDEFGH" || got.SubAccount != "VQR1" || got.Accumulated != 0 {
		t.Errorf("optional fields: %+v, %v", got, err)
	}
}

func TestParseRejects(t *testing.T) {
	r := func(old, new string) string {
		b := strings.Replace(docBody, old, new, 1)
		if b == docBody {
			t.Fatalf("%q not in the body", old)
		}
		return b
	}
	tests := []struct{ name, body, mention string }{
		{"not JSON", "id=1", "JSON object"},
		{"array", "[]", "JSON"},
		{"missing id", r(`"id": 92704,`, ``), "id"},
		{"missing amount", r(`"transferAmount": 2277000,`, ``), "transferAmount"},
		{"null amount", r(`"transferAmount": 2277000`, `"transferAmount": null`), "transferAmount"},
		{"missing type", r(`"transferType": "in",`, ``), "transferType"},
		{"missing content", r(`"content": "chuyen tien mua iphone",`, ``), "content"},
		{"missing account", r(`"accountNumber": "0123499999",`, ``), "accountNumber"},
		{"empty account", r(`"accountNumber": "0123499999"`, `"accountNumber": ""`), "accountNumber"},
		{"missing date", r(`"transactionDate": "2023-03-25 14:02:37",`, ``), "transactionDate"},
		{"missing gateway", r(`"gateway": "Vietcombank",`, ``), "gateway"},
		{"unknown type", r(`"transferType": "in"`, `"transferType": "IN"`), "transferType"},
		{"credit type", r(`"transferType": "in"`, `"transferType": "credit"`), "transferType"},
		{"zero amount", r(`"transferAmount": 2277000`, `"transferAmount": 0`), "positive"},
		{"negative amount", r(`"transferAmount": 2277000`, `"transferAmount": -2277000`), "positive"},
		{"fractional amount", r(`"transferAmount": 2277000`, `"transferAmount": 2277000.5`), "whole number"},
		{"exponent amount", r(`"transferAmount": 2277000`, `"transferAmount": 2.277e6`), "whole number"},
		{"quoted amount", r(`"transferAmount": 2277000`, `"transferAmount": "2277000"`), "whole number"},
		{"huge amount", r(`"transferAmount": 2277000`, `"transferAmount": 99999999999999999999`), "out of range"},
		{"quoted id", r(`"id": 92704`, `"id": "92704"`), "whole number"},
		{"negative id", r(`"id": 92704`, `"id": -1`), "id"},
		{"bad accumulated", r(`"accumulated": 19077000`, `"accumulated": true`), "accumulated"},
		{"numeric content", r(`"content": "chuyen tien mua iphone"`, `"content": 5`), `"content"`},
		{"ISO date", r(`2023-03-25 14:02:37`, `2023-03-25T14:02:37+07:00`), "YYYY-MM-DD"},
		{"no such date", r(`2023-03-25 14:02:37`, `2023-02-29 14:02:37`), "transactionDate"},
	}
	for _, tt := range tests {
		if _, err := Parse([]byte(tt.body)); err == nil {
			t.Errorf("%s: Parse succeeded", tt.name)
		} else if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
	}
}

func hmacHeader(secret, ts, body string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts + "." + body))
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

var now = time.Date(2026, 1, 27, 8, 0, 0, 0, vn.Zone)

func TestVerifyAPIKey(t *testing.T) {
	auth := Auth{APIKey: testAPIKey}
	for _, header := range []string{"Apikey " + testAPIKey, "apikey " + testAPIKey, "  APIKEY  " + testAPIKey + " "} {
		got, err := Verify(auth, Headers{Authorization: header}, []byte(docBody), now)
		if err != nil || !equal(got, docTransaction()) {
			t.Errorf("Authorization %q: %+v, %v", header, got, err)
		}
	}
}

func TestVerifyHMAC(t *testing.T) {
	ts := strconv.FormatInt(now.Unix(), 10)
	sig := hmacHeader(testSecret, ts, docBody)
	for _, s := range []string{sig, strings.TrimPrefix(sig, "sha256="), "sha256=" + strings.ToUpper(sig[7:])} {
		got, err := Verify(Auth{HMACSecret: testSecret}, Headers{Signature: s, Timestamp: ts}, []byte(docBody), now.Add(time.Minute))
		if err != nil || !equal(got, docTransaction()) {
			t.Errorf("signature %q: %+v, %v", s, got, err)
		}
	}
}

func TestVerifyRejects(t *testing.T) {
	ts := strconv.FormatInt(now.Unix(), 10)
	sig := hmacHeader(testSecret, ts, docBody)
	hm := Auth{HMACSecret: testSecret}
	ak := Auth{APIKey: testAPIKey}
	tampered := strings.Replace(docBody, "2277000", "22770000", 1)
	tests := []struct {
		name    string
		auth    Auth
		h       Headers
		body    string
		at      time.Time
		is      error
		mention string
	}{
		{"wrong API key", ak, Headers{Authorization: "Apikey " + testAPIKey + "x"}, docBody, now, ErrUnauthorized, "wrong API key"},
		{"API key prefix", ak, Headers{Authorization: "Apikey " + testAPIKey[:8]}, docBody, now, ErrUnauthorized, "wrong API key"},
		{"bearer", ak, Headers{Authorization: "Bearer " + testAPIKey}, docBody, now, ErrUnauthorized, "Apikey"},
		{"bare key", ak, Headers{Authorization: testAPIKey}, docBody, now, ErrUnauthorized, "Apikey"},
		{"no authorization", ak, Headers{}, docBody, now, ErrUnauthorized, "Apikey"},
		{"HMAC headers in API key mode", ak, Headers{Signature: sig, Timestamp: ts}, docBody, now, ErrUnauthorized, ""},
		{"tampered amount", hm, Headers{Signature: sig, Timestamp: ts}, tampered, now, ErrUnauthorized, "mismatch"},
		{"wrong secret", Auth{HMACSecret: testSecret + "x"}, Headers{Signature: sig, Timestamp: ts}, docBody, now, ErrUnauthorized, "mismatch"},
		{"tampered timestamp", hm, Headers{Signature: sig, Timestamp: strconv.FormatInt(now.Unix()+1, 10)}, docBody, now, ErrUnauthorized, "mismatch"},
		{"no signature", hm, Headers{Timestamp: ts}, docBody, now, ErrUnauthorized, "both"},
		{"no timestamp", hm, Headers{Signature: sig}, docBody, now, ErrUnauthorized, "both"},
		{"API key in HMAC mode", hm, Headers{Authorization: "Apikey " + testAPIKey}, docBody, now, ErrUnauthorized, "both"},
		{"short signature", hm, Headers{Signature: sig[:40], Timestamp: ts}, docBody, now, ErrUnauthorized, "64 hex"},
		{"md5 prefix", hm, Headers{Signature: "md5=" + sig[7:], Timestamp: ts}, docBody, now, ErrUnauthorized, "64 hex"},
		{"timestamp in ms", hm, Headers{Signature: sig, Timestamp: ts + "000"}, docBody, now, ErrUnauthorized, ""},
		{"timestamp not digits", hm, Headers{Signature: sig, Timestamp: "-" + ts}, docBody, now, ErrUnauthorized, "Unix seconds"},
		{"stale", hm, Headers{Signature: sig, Timestamp: ts}, docBody, now.Add(DefaultMaxAge + time.Second), ErrStale, "allowed 5m0s"},
		{"future", hm, Headers{Signature: sig, Timestamp: ts}, docBody, now.Add(-DefaultMaxAge - time.Second), ErrStale, ""},
		{"short window", Auth{HMACSecret: testSecret, MaxAge: time.Second}, Headers{Signature: sig, Timestamp: ts}, docBody, now.Add(2 * time.Second), ErrStale, "allowed 1s"},
		{"negative window", Auth{HMACSecret: testSecret, MaxAge: -1}, Headers{Signature: sig, Timestamp: ts}, docBody, now, nil, "MaxAge"},
		{"both modes", Auth{APIKey: testAPIKey, HMACSecret: testSecret}, Headers{Authorization: "Apikey " + testAPIKey, Signature: sig, Timestamp: ts}, docBody, now, nil, "not both"},
		{"no mode", Auth{}, Headers{Authorization: "Apikey " + testAPIKey}, docBody, now, nil, "configured"},
		{"authentic but malformed", ak, Headers{Authorization: "Apikey " + testAPIKey}, `{"id":1}`, now, nil, "gateway"},
	}
	for _, tt := range tests {
		_, err := Verify(tt.auth, tt.h, []byte(tt.body), tt.at)
		if err == nil {
			t.Errorf("%s: Verify succeeded", tt.name)
			continue
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: %v is not %v", tt.name, err, tt.is)
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
		for _, secret := range []string{testAPIKey, testSecret, testAPIKey[:8]} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("%s: error %q quotes a key", tt.name, err)
			}
		}
	}
}

func TestReply(t *testing.T) {
	var v struct{ Success bool }
	if err := json.Unmarshal([]byte(Reply), &v); err != nil || !v.Success {
		t.Errorf("Reply %s: %v", Reply, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(docBody))
	f.Add([]byte(`{"id":1,"gateway":"","transactionDate":"2023-03-25 14:02:37","accountNumber":"1","content":"","transferType":"out","transferAmount":-0}`))
	f.Add([]byte(`{"transferAmount":1e308,"id":"1"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		tr, err := Parse(body)
		if err != nil {
			return
		}
		if tr.TransferAmount <= 0 || (tr.TransferType != "in" && tr.TransferType != "out") || tr.AccountNumber == "" {
			t.Fatalf("accepted %+v", tr)
		}
		if tr.Incoming() != (tr.TransferType == "in") {
			t.Fatalf("Incoming() = %v for %q", tr.Incoming(), tr.TransferType)
		}
	})
}

func FuzzVerify(f *testing.F) {
	ts := strconv.FormatInt(now.Unix(), 10)
	f.Add("Apikey "+testAPIKey, hmacHeader(testSecret, ts, docBody), ts, []byte(docBody))
	f.Add("Apikey", "sha256=", "99999999999999999999", []byte(`{}`))
	f.Fuzz(func(t *testing.T, authorization, signature, timestamp string, body []byte) {
		h := Headers{Authorization: authorization, Signature: signature, Timestamp: timestamp}
		for _, auth := range []Auth{{APIKey: testAPIKey}, {HMACSecret: testSecret}} {
			tr, err := Verify(auth, h, body, now)
			if err == nil && tr.TransferAmount <= 0 {
				t.Fatalf("accepted %+v", tr)
			}
		}
	})
}
