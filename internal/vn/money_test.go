package vn

import (
	"math"
	"testing"
)

func TestFormatVND(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0đ"},
		{5, "5đ"},
		{999, "999đ"},
		{1000, "1.000đ"},
		{-50000, "-50.000đ"},
		{-999, "-999đ"},
		{350000, "350.000đ"},
		{1250000, "1.250.000đ"},
		{100000000, "100.000.000đ"},
		{math.MaxInt64, "9.223.372.036.854.775.807đ"},
		{math.MinInt64, "-9.223.372.036.854.775.808đ"},
	}
	for _, tt := range tests {
		if got := FormatVND(tt.in); got != tt.want {
			t.Errorf("FormatVND(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
