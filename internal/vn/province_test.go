package vn

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestProvinces(t *testing.T) {
	if len(Provinces) != 34 {
		t.Errorf("len(Provinces) = %d, want 34", len(Provinces))
	}
	cities, absorbed := 0, 0
	seen := map[string]string{}
	for _, p := range Provinces {
		if p.City {
			cities++
		}
		absorbed += len(p.Absorbed)
		for _, name := range append([]string{p.Name}, p.Absorbed...) {
			// NFD literals would look identical in an editor but break equality with input.
			if !norm.NFC.IsNormalString(name) {
				t.Errorf("%q is not NFC", name)
			}
			k := provinceKey(name)
			if other, dup := seen[k]; dup {
				t.Errorf("%q and %q share key %q", name, other, k)
			}
			seen[k] = name
		}
	}
	if cities != 6 {
		t.Errorf("%d cities, want 6", cities)
	}
	// 63 provinces before the merger, 34 after.
	if absorbed != 63-34 {
		t.Errorf("%d absorbed provinces, want %d", absorbed, 63-34)
	}
	for name := range provinceAliases {
		if _, ok := ProvinceByName(name); !ok {
			t.Errorf("alias table refers to unknown province %q", name)
		}
	}
}

func TestProvinceByName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"TP Hồ Chí Minh", "TP Hồ Chí Minh"},
		{"ho chi minh", "TP Hồ Chí Minh"},
		{"Thành phố Hồ Chí Minh", "TP Hồ Chí Minh"},
		{"TP. HCM", "TP Hồ Chí Minh"},
		{"tphcm", "TP Hồ Chí Minh"},
		{"sai gon", "TP Hồ Chí Minh"},
		{"Sài Gòn", "TP Hồ Chí Minh"},
		{"SAI GON", "TP Hồ Chí Minh"},
		{norm.NFD.String("Sài Gòn"), "TP Hồ Chí Minh"},
		{"Bình Dương", "TP Hồ Chí Minh"},
		{"binh duong", "TP Hồ Chí Minh"},
		{"Vũng Tàu", "TP Hồ Chí Minh"},
		{"Bà Rịa - Vũng Tàu", "TP Hồ Chí Minh"},
		{"Bà Rịa–Vũng Tàu", "TP Hồ Chí Minh"},
		{"Hà Nội", "Hà Nội"},
		{"ha noi", "Hà Nội"},
		{"Thành phố Hà Nội", "Hà Nội"},
		{"Hue", "Huế"},
		{"Thừa Thiên Huế", "Huế"},
		{"Hải Dương", "Hải Phòng"},
		{"Quảng Nam", "Đà Nẵng"},
		{"da nang", "Đà Nẵng"},
		{"Hậu Giang", "Cần Thơ"},
		{"Tỉnh Lâm Đồng", "Lâm Đồng"},
		{"Đắk Nông", "Lâm Đồng"},
		{"Bình Thuận", "Lâm Đồng"},
		{"dak lak", "Đắk Lắk"},
		{"Phú Yên", "Đắk Lắk"},
		{"Thanh Hoá", "Thanh Hóa"},
		{"Hoà Bình", "Phú Thọ"},
		{"Kon Tum", "Quảng Ngãi"},
		{"Trà Vinh", "Vĩnh Long"},
		{"Hà Nam", "Ninh Bình"},
		{"Bạc Liêu", "Cà Mau"},
		{"Hà Tĩnh", "Hà Tĩnh"},
		{"Tây Ninh", "Tây Ninh"},
		{"Long An", "Tây Ninh"},
	}
	for _, tt := range tests {
		p, ok := ProvinceByName(tt.in)
		if !ok || p.Name != tt.want {
			t.Errorf("ProvinceByName(%q) = %q, %v; want %q", tt.in, p.Name, ok, tt.want)
		}
	}
	if p, _ := ProvinceByName("Bình Dương"); !p.City || len(p.Absorbed) != 2 {
		t.Errorf("ProvinceByName(Bình Dương) = %+v, want the whole TP Hồ Chí Minh record", p)
	}

	for _, missing := range []string{"", "TP", "Tỉnh", "Đà Lạt", "Paris", "Hà"} {
		if p, ok := ProvinceByName(missing); ok {
			t.Errorf("ProvinceByName(%q) = %q, want no match", missing, p.Name)
		}
	}
}
