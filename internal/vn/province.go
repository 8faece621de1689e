package vn

import "strings"

// Province is one of the 34 first-level units in force since 1 July 2025
// (Resolution 202/2025/QH15): a centrally-run city or a province.
type Province struct {
	Name string // official name with diacritics, e.g. "TP Hồ Chí Minh"
	City bool   // centrally-run city (thành phố trực thuộc trung ương)
	// Absorbed lists the pre-2025 provinces merged into this one. Passengers and operators
	// still use those names ("Bình Dương", "Vũng Tàu"), so they must keep finding it.
	Absorbed []string
}

// Provinces lists the 34 units, the six cities first.
var Provinces = []Province{
	{Name: "Hà Nội", City: true},
	{Name: "Huế", City: true},
	{Name: "Hải Phòng", City: true, Absorbed: []string{"Hải Dương"}},
	{Name: "Đà Nẵng", City: true, Absorbed: []string{"Quảng Nam"}},
	{Name: "TP Hồ Chí Minh", City: true, Absorbed: []string{"Bình Dương", "Bà Rịa - Vũng Tàu"}},
	{Name: "Cần Thơ", City: true, Absorbed: []string{"Sóc Trăng", "Hậu Giang"}},

	{Name: "Cao Bằng"},
	{Name: "Tuyên Quang", Absorbed: []string{"Hà Giang"}},
	{Name: "Điện Biên"},
	{Name: "Lai Châu"},
	{Name: "Sơn La"},
	{Name: "Lào Cai", Absorbed: []string{"Yên Bái"}},
	{Name: "Thái Nguyên", Absorbed: []string{"Bắc Kạn"}},
	{Name: "Lạng Sơn"},
	{Name: "Quảng Ninh"},
	{Name: "Bắc Ninh", Absorbed: []string{"Bắc Giang"}},
	{Name: "Phú Thọ", Absorbed: []string{"Vĩnh Phúc", "Hòa Bình"}},
	{Name: "Hưng Yên", Absorbed: []string{"Thái Bình"}},
	{Name: "Ninh Bình", Absorbed: []string{"Hà Nam", "Nam Định"}},
	{Name: "Thanh Hóa"},
	{Name: "Nghệ An"},
	{Name: "Hà Tĩnh"},
	{Name: "Quảng Trị", Absorbed: []string{"Quảng Bình"}},
	{Name: "Quảng Ngãi", Absorbed: []string{"Kon Tum"}},
	{Name: "Gia Lai", Absorbed: []string{"Bình Định"}},
	{Name: "Khánh Hòa", Absorbed: []string{"Ninh Thuận"}},
	{Name: "Đắk Lắk", Absorbed: []string{"Phú Yên"}},
	{Name: "Lâm Đồng", Absorbed: []string{"Đắk Nông", "Bình Thuận"}},
	{Name: "Đồng Nai", Absorbed: []string{"Bình Phước"}},
	{Name: "Tây Ninh", Absorbed: []string{"Long An"}},
	{Name: "Đồng Tháp", Absorbed: []string{"Tiền Giang"}},
	{Name: "Vĩnh Long", Absorbed: []string{"Bến Tre", "Trà Vinh"}},
	{Name: "An Giang", Absorbed: []string{"Kiên Giang"}},
	{Name: "Cà Mau", Absorbed: []string{"Bạc Liêu"}},
}

// provinceAliases are names people search for that are neither official nor a whole
// absorbed province: nicknames, abbreviations, the pre-2025 name of Huế, and Vũng Tàu,
// which is how most people still name the old Bà Rịa - Vũng Tàu.
var provinceAliases = map[string][]string{
	"TP Hồ Chí Minh": {"Sài Gòn", "HCM", "HCMC", "Vũng Tàu"},
	"Huế":            {"Thừa Thiên Huế"},
}

// provinceIndex maps a province key (see provinceKey) to its index in Provinces.
var provinceIndex = func() map[string]int {
	idx := make(map[string]int)
	for i, p := range Provinces {
		for _, name := range append(append([]string{p.Name}, p.Absorbed...), provinceAliases[p.Name]...) {
			idx[provinceKey(name)] = i
		}
	}
	return idx
}()

// provinceKey is Key without the administrative title, since people write "Thành phố
// Hà Nội", "TP. Hà Nội", "Tỉnh Lâm Đồng" or just the name. No province name starts with
// these words once folded, so stripping them never changes which province matches.
func provinceKey(name string) string {
	k := Key(name)
	for _, title := range []string{"thanhpho", "tp", "tinh"} {
		if rest, ok := strings.CutPrefix(k, title); ok {
			return rest
		}
	}
	return k
}

// ProvinceByName finds a province by its current name, a province it absorbed in 2025 or a
// common alias, ignoring case, diacritics, spacing and punctuation: "ho chi minh",
// "Bình Dương" and "Vũng Tàu" all give TP Hồ Chí Minh.
func ProvinceByName(name string) (Province, bool) {
	i, ok := provinceIndex[provinceKey(name)]
	if !ok {
		return Province{}, false
	}
	return Provinces[i], true
}
