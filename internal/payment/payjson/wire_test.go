package payjson

import (
	"encoding/json"
	"testing"
	"time"
)

func TestInt(t *testing.T) {
	for in, want := range map[string]int64{"0": 0, "350000": 350000, "-5": -5} {
		if got, err := Int("amount", json.RawMessage(in)); err != nil || got != want {
			t.Errorf("Int(%s) = %d, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "1.5", "1e3", `"5"`, "-", "99999999999999999999"} {
		if _, err := Int("amount", json.RawMessage(in)); err == nil {
			t.Errorf("Int(%q) accepted", in)
		}
	}
	if !Absent(nil) || !Absent(json.RawMessage("null")) || Absent(json.RawMessage("0")) {
		t.Error("Absent")
	}
	if Age(-time.Minute, time.Minute) != "signed 1m0s in the future, allowed 1m0s" {
		t.Error(Age(-time.Minute, time.Minute))
	}
}
