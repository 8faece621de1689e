// Package zalopay speaks the wire protocol of ZaloPay's payment gateway, API v2: the
// callback ZaloPay posts when an order is paid, verified with key2, and the mac of a
// create-order request, made with key1.
//
// It follows ZaloPay's documentation (docs.zalopay.vn/v2: "Tạo đơn hàng" and
// "Callback"): the callback body is {"data": "<JSON text>", "mac": "<hex>", "type": 1},
// where mac is the hex HMAC-SHA256 of the data text exactly as sent, keyed with key2;
// a create-order mac is the hex HMAC-SHA256, keyed with key1, of
// app_id|app_trans_id|app_user|amount|app_time|embed_data|item. The callback side is
// tested against the zalopay_callback_hmac_sha256 vector in testdata/payments.json
// (ZaloPay's documented sample, sandbox app 2553); no vector exists for the create mac.
package zalopay

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/benxe/benxe/internal/payment/payjson"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/benxe/benxe/internal/vn"
)

// SandboxCreateURL is where to POST an Order in ZaloPay's test environment.
const SandboxCreateURL = "https://sb-openapi.zalopay.vn/v2/create"

// ErrMAC means a callback's mac is missing, malformed or wrong: it did not come from
// ZaloPay or was altered. Answer with ReplyInvalidMAC.
var ErrMAC = errors.New("zalopay: callback mac mismatch")

// Config is one ZaloPay merchant app.
type Config struct {
	AppID int64
	Key1  string // signs requests to ZaloPay; never logged or shown
	Key2  string // verifies callbacks from ZaloPay; never logged or shown
}

// Payment is a paid order, as a verified callback reports it.
type Payment struct {
	AppID          int64
	AppTransID     string // our order's app_trans_id
	AppTime        time.Time
	AppUser        string
	Amount         int64 // đồng
	EmbedData      string
	Item           string
	ZPTransID      int64 // ZaloPay's transaction id: de-duplicate on it
	ServerTime     time.Time
	Channel        int
	MerchantUserID string
	UserFeeAmount  int64
	DiscountAmount int64
}

type callback struct {
	Data *string         `json:"data"`
	MAC  *string         `json:"mac"`
	Type json.RawMessage `json:"type"`
}

// payment is the data text; raw numbers tell absent fields from zero ones.
type payment struct {
	AppID          json.RawMessage `json:"app_id"`
	AppTransID     *string         `json:"app_trans_id"`
	AppTime        json.RawMessage `json:"app_time"`
	AppUser        string          `json:"app_user"`
	Amount         json.RawMessage `json:"amount"`
	EmbedData      string          `json:"embed_data"`
	Item           string          `json:"item"`
	ZPTransID      json.RawMessage `json:"zp_trans_id"`
	ServerTime     json.RawMessage `json:"server_time"`
	Channel        json.RawMessage `json:"channel"`
	MerchantUserID string          `json:"merchant_user_id"`
	UserFeeAmount  json.RawMessage `json:"user_fee_amount"`
	DiscountAmount json.RawMessage `json:"discount_amount"`
}

// VerifyCallback checks a callback body's mac with cfg.Key2 and reads the payment in its
// data. ZaloPay calls back only for paid orders. A callback of another type than 1
// (order payment), such as 2 (agreement binding), is refused. Errors wrap ErrMAC when
// the mac does not match; other errors mean a body we cannot use.
func VerifyCallback(cfg Config, body []byte) (Payment, error) {
	if cfg.Key2 == "" {
		return Payment{}, errors.New("zalopay: empty key2")
	}
	var cb callback
	if err := json.Unmarshal(body, &cb); err != nil {
		return Payment{}, errors.New("zalopay: callback body is not a JSON object with string data and mac")
	}
	if cb.Data == nil || cb.MAC == nil {
		return Payment{}, errors.New("zalopay: callback needs both data and mac")
	}
	got, err := hex.DecodeString(*cb.MAC)
	if err != nil || len(got) != sha256.Size {
		return Payment{}, fmt.Errorf("%w: mac is not 64 hex digits", ErrMAC)
	}
	if !hmac.Equal(got, mac(cfg.Key2, *cb.Data)) {
		return Payment{}, ErrMAC
	}
	if !payjson.Absent(cb.Type) && string(cb.Type) != "1" {
		return Payment{}, fmt.Errorf("zalopay: callback type %s is not 1 (order payment)", cb.Type)
	}

	var w payment
	if err := json.Unmarshal([]byte(*cb.Data), &w); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Payment{}, fmt.Errorf("zalopay: callback data field %q must not be a JSON %s", te.Field, te.Value)
		}
		return Payment{}, errors.New("zalopay: callback data is not a JSON object")
	}
	p := Payment{
		AppUser:        w.AppUser,
		EmbedData:      w.EmbedData,
		Item:           w.Item,
		MerchantUserID: w.MerchantUserID,
	}
	if w.AppTransID == nil || *w.AppTransID == "" {
		return Payment{}, errors.New("zalopay: callback data has no app_trans_id")
	}
	p.AppTransID = *w.AppTransID
	var appTime, serverTime, channel int64
	for _, f := range []struct {
		name     string
		raw      json.RawMessage
		dst      *int64
		required bool
	}{
		{"app_id", w.AppID, &p.AppID, true},
		{"app_time", w.AppTime, &appTime, true},
		{"amount", w.Amount, &p.Amount, true},
		{"zp_trans_id", w.ZPTransID, &p.ZPTransID, true},
		{"server_time", w.ServerTime, &serverTime, true},
		{"channel", w.Channel, &channel, false},
		{"user_fee_amount", w.UserFeeAmount, &p.UserFeeAmount, false},
		{"discount_amount", w.DiscountAmount, &p.DiscountAmount, false},
	} {
		if payjson.Absent(f.raw) {
			if f.required {
				return Payment{}, fmt.Errorf("zalopay: callback data has no %s", f.name)
			}
			continue
		}
		if *f.dst, err = intOf(f.name, f.raw); err != nil {
			return Payment{}, err
		}
		if *f.dst < 0 {
			return Payment{}, fmt.Errorf("zalopay: callback %s %d must not be negative", f.name, *f.dst)
		}
	}
	if p.AppID != cfg.AppID {
		return Payment{}, fmt.Errorf("zalopay: callback is for app %d, not ours (%d)", p.AppID, cfg.AppID)
	}
	if p.Amount <= 0 {
		return Payment{}, fmt.Errorf("zalopay: callback amount %d must be positive", p.Amount)
	}
	if channel > 1<<31-1 {
		return Payment{}, fmt.Errorf("zalopay: callback channel %d is out of range", channel)
	}
	p.Channel = int(channel)
	p.AppTime, p.ServerTime = time.UnixMilli(appTime), time.UnixMilli(serverTime)
	return p, nil
}

// CallbackReply is the JSON body ZaloPay expects in answer to a callback.
type CallbackReply struct {
	ReturnCode    int    `json:"return_code"`
	ReturnMessage string `json:"return_message"`
}

// ReplySuccess (1): the payment was recorded.
func ReplySuccess() CallbackReply { return CallbackReply{1, "success"} }

// ReplyDuplicate (2): this zp_trans_id was recorded before.
func ReplyDuplicate() CallbackReply { return CallbackReply{2, "duplicate"} }

// ReplyRetry (0): we could not record it now; ZaloPay calls back again (at most 3 times).
func ReplyRetry() CallbackReply { return CallbackReply{0, "retry"} }

// ReplyInvalidMAC (-1): the mac did not verify.
func ReplyInvalidMAC() CallbackReply { return CallbackReply{-1, "mac not equal"} }

// Order is a create-order request, to POST as JSON or, with Form, as a form.
type Order struct {
	AppID                 int64  `json:"app_id"`
	AppUser               string `json:"app_user"`
	AppTransID            string `json:"app_trans_id"` // see AppTransID
	AppTime               int64  `json:"app_time"`     // Unix milliseconds
	ExpireDurationSeconds int64  `json:"expire_duration_seconds,omitempty"`
	Amount                int64  `json:"amount"`      // đồng
	Item                  string `json:"item"`        // JSON array text; "[]" when empty
	Description           string `json:"description"` // shown to the payer
	EmbedData             string `json:"embed_data"`  // JSON object text; "{}" when empty
	BankCode              string `json:"bank_code"`
	CallbackURL           string `json:"callback_url,omitempty"`
	MAC                   string `json:"mac"`
}

// AppTransID returns an app_trans_id for ref at time t: ZaloPay wants the Vietnam date
// of the order as yymmdd, then the merchant's order reference.
func AppTransID(t time.Time, ref string) string {
	return t.In(vn.Zone).Format("060102") + "_" + ref
}

// SignOrder checks o, fills in defaults (AppID from cfg, "[]" and "{}" for empty Item and
// EmbedData) and returns it with its mac.
func SignOrder(cfg Config, o Order) (Order, error) {
	if cfg.Key1 == "" {
		return Order{}, errors.New("zalopay: empty key1")
	}
	if cfg.AppID <= 0 {
		return Order{}, fmt.Errorf("zalopay: app id %d must be positive", cfg.AppID)
	}
	if o.AppID == 0 {
		o.AppID = cfg.AppID
	}
	if o.AppID != cfg.AppID {
		return Order{}, fmt.Errorf("zalopay: app_id %d is not the configured one (%d)", o.AppID, cfg.AppID)
	}
	if o.Item == "" {
		o.Item = "[]"
	}
	if o.EmbedData == "" {
		o.EmbedData = "{}"
	}
	if err := checkText("app_user", o.AppUser, 1, 50); err != nil {
		return Order{}, err
	}
	if o.AppTime <= 0 {
		return Order{}, errors.New("zalopay: app_time must be set (Unix milliseconds)")
	}
	if prefix := AppTransID(time.UnixMilli(o.AppTime), ""); len(o.AppTransID) > 40 || len(o.AppTransID) <= len(prefix) || !strings.HasPrefix(o.AppTransID, prefix) {
		return Order{}, fmt.Errorf("zalopay: app_trans_id %q must be at most 40 characters and start with %q, the Vietnam date of app_time", o.AppTransID, prefix)
	}
	for i := range len(o.AppTransID) {
		if c := o.AppTransID[i]; c <= ' ' || c >= 0x7F || c == '|' {
			return Order{}, fmt.Errorf("zalopay: app_trans_id %q must be printable ASCII without spaces or '|'", o.AppTransID)
		}
	}
	if o.Amount <= 0 {
		return Order{}, fmt.Errorf("zalopay: amount %d đồng must be positive", o.Amount)
	}
	if o.ExpireDurationSeconds != 0 && (o.ExpireDurationSeconds < 300 || o.ExpireDurationSeconds > 2592000) {
		return Order{}, fmt.Errorf("zalopay: expire_duration_seconds %d must be between 300 and 2592000", o.ExpireDurationSeconds)
	}
	if err := checkText("description", o.Description, 1, 256); err != nil {
		return Order{}, err
	}
	var arr []json.RawMessage
	if len(o.Item) > 2048 || json.Unmarshal([]byte(o.Item), &arr) != nil {
		return Order{}, errors.New("zalopay: item must be a JSON array of at most 2048 bytes")
	}
	var obj map[string]json.RawMessage
	if len(o.EmbedData) > 1024 || json.Unmarshal([]byte(o.EmbedData), &obj) != nil || obj == nil {
		return Order{}, errors.New("zalopay: embed_data must be a JSON object of at most 1024 bytes")
	}
	if strings.Contains(o.AppUser, "|") {
		// '|' separates the mac's fields (item and embed_data, last, may contain it).
		return Order{}, errors.New("zalopay: app_user must not contain '|'")
	}
	if o.CallbackURL != "" {
		if u, err := url.Parse(o.CallbackURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return Order{}, fmt.Errorf("zalopay: callback_url %q must be an absolute http(s) URL", o.CallbackURL)
		}
	}
	o.MAC = hex.EncodeToString(mac(cfg.Key1, strings.Join([]string{
		strconv.FormatInt(o.AppID, 10), o.AppTransID, o.AppUser, strconv.FormatInt(o.Amount, 10),
		strconv.FormatInt(o.AppTime, 10), o.EmbedData, o.Item,
	}, "|")))
	return o, nil
}

// Form returns o as form fields, for ZaloPay's application/x-www-form-urlencoded variant.
func (o Order) Form() url.Values {
	v := url.Values{
		"app_id":       {strconv.FormatInt(o.AppID, 10)},
		"app_user":     {o.AppUser},
		"app_trans_id": {o.AppTransID},
		"app_time":     {strconv.FormatInt(o.AppTime, 10)},
		"amount":       {strconv.FormatInt(o.Amount, 10)},
		"item":         {o.Item},
		"description":  {o.Description},
		"embed_data":   {o.EmbedData},
		"bank_code":    {o.BankCode},
		"mac":          {o.MAC},
	}
	if o.ExpireDurationSeconds != 0 {
		v.Set("expire_duration_seconds", strconv.FormatInt(o.ExpireDurationSeconds, 10))
	}
	if o.CallbackURL != "" {
		v.Set("callback_url", o.CallbackURL)
	}
	return v
}

func mac(key, data string) []byte {
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(data))
	return m.Sum(nil)
}

func checkText(field, s string, min, max int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("zalopay: %s is not valid UTF-8", field)
	}
	if n := utf8.RuneCountInString(s); n < min || n > max {
		return fmt.Errorf("zalopay: %s must be %d to %d characters", field, min, max)
	}
	return nil
}

// intOf is payjson.Int with this provider's name on its errors.
func intOf(field string, m json.RawMessage) (int64, error) {
	v, err := payjson.Int(field, m)
	if err != nil {
		return 0, fmt.Errorf("zalopay: callback %w", err)
	}
	return v, nil
}
