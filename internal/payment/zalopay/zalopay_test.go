package zalopay

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// vector mirrors zalopay_callback_hmac_sha256 in testdata/payments.json.
type vector struct {
	Source string `json:"source"`
	Key2   string `json:"key2"`
	Data   string `json:"data"`
	MAC    string `json:"mac"`
}

func loadVector(tb testing.TB) vector {
	tb.Helper()
	raw, err := os.ReadFile("../../../testdata/payments.json")
	if err != nil {
		tb.Fatal(err)
	}
	var file struct {
		ZaloPay vector `json:"zalopay_callback_hmac_sha256"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		tb.Fatal(err)
	}
	if file.ZaloPay.Key2 == "" || file.ZaloPay.Data == "" || file.ZaloPay.MAC == "" {
		tb.Fatal("payments.json has no ZaloPay vector: has its layout changed?")
	}
	return file.ZaloPay
}

// body wraps data and mac as ZaloPay posts them.
func body(data, mac string, extra ...string) []byte {
	b, err := json.Marshal(map[string]any{"data": data, "mac": mac, "type": 1})
	if err != nil {
		panic(err)
	}
	if len(extra) > 0 {
		return []byte(strings.Replace(string(b), `"type":1`, extra[0], 1))
	}
	return b
}

func vectorConfig(v vector) Config { return Config{AppID: 2553, Key2: v.Key2} }

func TestVerifyCallbackVector(t *testing.T) {
	v := loadVector(t)
	got, err := VerifyCallback(vectorConfig(v), body(v.Data, v.MAC))
	if err != nil {
		t.Fatal(err)
	}
	want := Payment{
		AppID: 2553, AppTransID: "200904_2553_1598435687208", AppTime: time.UnixMilli(1599189392817),
		AppUser: "demo", Amount: 10000,
		EmbedData:      `{"merchantinfo":"embeddata123","promotioninfo":""}`,
		Item:           `[{"itemid":"knb","itemname":"kim nguyen bao","itemprice":198400,"itemquantity":1}]`,
		ZPTransID:      200904000000389,
		ServerTime:     time.UnixMilli(1599189413498),
		Channel:        38,
		MerchantUserID: "7ZMSl3nEg5sOUJzOLSoUFT8xKNQVaLOLXHB--8Eytqc",
	}
	if got != want {
		t.Errorf("VerifyCallback =\n%+v\nwant\n%+v", got, want)
	}
	// The same mac in upper case, and a callback without its type field, are accepted.
	for name, b := range map[string][]byte{
		"upper-case mac": body(v.Data, strings.ToUpper(v.MAC)),
		"no type":        body(v.Data, v.MAC, `"x":0`),
	} {
		if _, err := VerifyCallback(vectorConfig(v), b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The mac is over the data text, computed here by hand.
	m := hmac.New(sha256.New, []byte(v.Key2))
	m.Write([]byte(v.Data))
	if hex.EncodeToString(m.Sum(nil)) != v.MAC {
		t.Error("the vector's mac is not HMAC-SHA256(key2, data)")
	}
}

const testKey2 = "test-key2-for-zalopay"

func signedData(data string) []byte {
	m := hmac.New(sha256.New, []byte(testKey2))
	m.Write([]byte(data))
	return body(data, hex.EncodeToString(m.Sum(nil)))
}

func TestVerifyCallbackRejects(t *testing.T) {
	v := loadVector(t)
	cfg := vectorConfig(v)
	own := Config{AppID: 2553, Key2: testKey2}
	okData := `{"app_id":2553,"app_trans_id":"260127_ABCDEFGH","app_time":1769475600000,"amount":350000,"zp_trans_id":260127000000001,"server_time":1769475660000}`
	rd := func(old, new string) []byte {
		d := strings.Replace(okData, old, new, 1)
		if d == okData {
			t.Fatalf("%q not in data", old)
		}
		return signedData(d)
	}
	if _, err := VerifyCallback(own, signedData(okData)); err != nil {
		t.Fatalf("minimal data: %v", err)
	}
	tests := []struct {
		name    string
		cfg     Config
		body    []byte
		macErr  bool
		mention string
	}{
		{"wrong key2", Config{AppID: 2553, Key2: "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIZ"}, body(v.Data, v.MAC), true, ""},
		{"key1 instead of key2", Config{AppID: 2553, Key1: v.Key2, Key2: "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL"}, body(v.Data, v.MAC), true, ""},
		{"tampered amount", cfg, body(strings.Replace(v.Data, `"amount":10000`, `"amount":100000`, 1), v.MAC), true, ""},
		{"re-serialised data", cfg, body(strings.Replace(v.Data, `,"`, `, "`, 1), v.MAC), true, ""},
		{"mac truncated", cfg, body(v.Data, v.MAC[:63]), true, "64 hex"},
		{"mac not hex", cfg, body(v.Data, "zz"+v.MAC[2:]), true, "64 hex"},
		{"no mac", cfg, []byte(`{"data":"{}","type":1}`), false, "both"},
		{"no data", cfg, []byte(`{"mac":"` + v.MAC + `","type":1}`), false, "both"},
		{"data as object", cfg, []byte(`{"data":{},"mac":"` + v.MAC + `"}`), false, "JSON object"},
		{"not JSON", cfg, []byte(`data=x&mac=y`), false, "JSON object"},
		{"agreement callback", cfg, body(v.Data, v.MAC, `"type":2`), false, "type 2"},
		{"empty key2", Config{AppID: 2553}, body(v.Data, v.MAC), false, "key2"},
		{"other app", Config{AppID: 554, Key2: v.Key2}, body(v.Data, v.MAC), false, "app 2553"},

		{"data not JSON", own, signedData("app_id=2553"), false, "JSON object"},
		{"missing amount", own, rd(`"amount":350000,`, ``), false, "amount"},
		{"missing zp_trans_id", own, rd(`"zp_trans_id":260127000000001,`, ``), false, "zp_trans_id"},
		{"missing app_trans_id", own, rd(`"app_trans_id":"260127_ABCDEFGH",`, ``), false, "app_trans_id"},
		{"missing app_id", own, rd(`"app_id":2553,`, ``), false, "app_id"},
		{"zero amount", own, rd(`"amount":350000`, `"amount":0`), false, "positive"},
		{"negative amount", own, rd(`"amount":350000`, `"amount":-350000`), false, "negative"},
		{"fractional amount", own, rd(`"amount":350000`, `"amount":350000.5`), false, "whole number"},
		{"quoted amount", own, rd(`"amount":350000`, `"amount":"350000"`), false, "whole number"},
		{"huge zp_trans_id", own, rd(`260127000000001`, `99999999999999999999`), false, "out of range"},
		{"numeric app_user", own, rd(`"amount":350000`, `"amount":350000,"app_user":5`), false, "app_user"},
	}
	for _, tt := range tests {
		_, err := VerifyCallback(tt.cfg, tt.body)
		if err == nil {
			t.Errorf("%s: VerifyCallback succeeded", tt.name)
			continue
		}
		if errors.Is(err, ErrMAC) != tt.macErr {
			t.Errorf("%s: errors.Is(%v, ErrMAC) = %v", tt.name, err, !tt.macErr)
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
		for _, k := range []string{v.Key2, testKey2, tt.cfg.Key2} {
			if k != "" && strings.Contains(err.Error(), k) {
				t.Errorf("%s: error %q quotes a key", tt.name, err)
			}
		}
	}
}

func TestCallbackReplies(t *testing.T) {
	for _, tt := range []struct {
		r    CallbackReply
		code int
	}{{ReplySuccess(), 1}, {ReplyDuplicate(), 2}, {ReplyRetry(), 0}, {ReplyInvalidMAC(), -1}} {
		if tt.r.ReturnCode != tt.code || tt.r.ReturnMessage == "" {
			t.Errorf("reply %+v, want code %d", tt.r, tt.code)
		}
	}
	b, _ := json.Marshal(ReplySuccess())
	if string(b) != `{"return_code":1,"return_message":"success"}` {
		t.Errorf("json = %s", b)
	}
}

const testKey1 = "test-key1-for-zalopay"

func testOrder() Order {
	return Order{
		AppUser:     "benxe",
		AppTransID:  "260127_ABCDEFGH",
		AppTime:     time.Date(2026, 1, 26, 17, 30, 0, 0, time.UTC).UnixMilli(), // 00:30 on the 27th in Vietnam
		Amount:      350000,
		Description: "BenXe - Thanh toán vé #ABCDEFGH",
		EmbedData:   `{"redirecturl":"https://benxe.vn/thanh-toan/zalopay"}`,
		BankCode:    "zalopayapp",
	}
}

// A known-answer test: the mac string is written out by hand in ZaloPay's documented
// order and its HMAC computed here.
func TestSignOrderKnownAnswer(t *testing.T) {
	got, err := SignOrder(Config{AppID: 2553, Key1: testKey1}, testOrder())
	if err != nil {
		t.Fatal(err)
	}
	data := `2553|260127_ABCDEFGH|benxe|350000|1769448600000|{"redirecturl":"https://benxe.vn/thanh-toan/zalopay"}|[]`
	m := hmac.New(sha256.New, []byte(testKey1))
	m.Write([]byte(data))
	want := testOrder()
	want.AppID, want.Item, want.MAC = 2553, "[]", hex.EncodeToString(m.Sum(nil))
	if got != want {
		t.Errorf("SignOrder =\n%+v\nwant\n%+v", got, want)
	}
	f := got.Form()
	if f.Get("mac") != want.MAC || f.Get("app_time") != "1769448600000" || f.Get("item") != "[]" || f.Has("callback_url") {
		t.Errorf("Form = %v", f)
	}
	if AppTransID(time.UnixMilli(want.AppTime), "ABCDEFGH") != "260127_ABCDEFGH" {
		t.Errorf("AppTransID = %q", AppTransID(time.UnixMilli(want.AppTime), "ABCDEFGH"))
	}
}

func TestSignOrderRejects(t *testing.T) {
	cfg := Config{AppID: 2553, Key1: testKey1}
	tests := []struct {
		name    string
		cfg     Config
		change  func(*Order)
		mention string
	}{
		{"no key1", Config{AppID: 2553}, func(*Order) {}, "key1"},
		{"no app id", Config{Key1: testKey1}, func(*Order) {}, "app id"},
		{"other app", cfg, func(o *Order) { o.AppID = 1 }, "app_id"},
		{"no user", cfg, func(o *Order) { o.AppUser = "" }, "app_user"},
		{"pipe in user", cfg, func(o *Order) { o.AppUser = "a|b" }, "'|'"},
		{"no time", cfg, func(o *Order) { o.AppTime = 0 }, "app_time"},
		{"UTC date in trans id", cfg, func(o *Order) { o.AppTransID = "260126_ABCDEFGH" }, `"260127_"`},
		{"bare date", cfg, func(o *Order) { o.AppTransID = "260127_" }, "app_trans_id"},
		{"long trans id", cfg, func(o *Order) { o.AppTransID = "260127_" + strings.Repeat("A", 34) }, "40"},
		{"space in trans id", cfg, func(o *Order) { o.AppTransID = "260127_A B" }, "app_trans_id"},
		{"zero amount", cfg, func(o *Order) { o.Amount = 0 }, "amount"},
		{"short expiry", cfg, func(o *Order) { o.ExpireDurationSeconds = 60 }, "expire_duration_seconds"},
		{"no description", cfg, func(o *Order) { o.Description = "" }, "description"},
		{"item not array", cfg, func(o *Order) { o.Item = `{}` }, "item"},
		{"embed data not object", cfg, func(o *Order) { o.EmbedData = `[]` }, "embed_data"},
		{"embed data null", cfg, func(o *Order) { o.EmbedData = `null` }, "embed_data"},
		{"relative callback", cfg, func(o *Order) { o.CallbackURL = "/zalopay/callback" }, "callback_url"},
	}
	for _, tt := range tests {
		o := testOrder()
		tt.change(&o)
		_, err := SignOrder(tt.cfg, o)
		if err == nil {
			t.Errorf("%s: SignOrder succeeded", tt.name)
		} else if !strings.Contains(err.Error(), tt.mention) || strings.Contains(err.Error(), testKey1) {
			t.Errorf("%s: error %q should mention %q and no key", tt.name, err, tt.mention)
		}
	}
}

func FuzzVerifyCallback(f *testing.F) {
	v := loadVector(f)
	f.Add(body(v.Data, v.MAC))
	f.Add(signedData(`{"app_id":2553,"app_trans_id":"x","app_time":1,"amount":1,"zp_trans_id":1,"server_time":1,"channel":1e9}`))
	f.Add(signedData(`{"app_id":-0,"amount":01}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, cfg := range []Config{vectorConfig(v), {AppID: 2553, Key2: testKey2}} {
			p, err := VerifyCallback(cfg, b)
			if err == nil && (p.Amount <= 0 || p.AppID != 2553 || p.AppTransID == "" || p.ZPTransID < 0) {
				t.Fatalf("accepted %+v", p)
			}
		}
	})
}
