// Package demo holds a realistic, deterministic demo network: places,
// operators, routes with their stops and pickup/drop-off points, and promo
// codes. It is plain data; seeding code turns it into catalog rows.
//
// Places, stations and corridors are real; provinces follow the 34-unit map
// in force since 1 July 2025. Operators, phone numbers, bank accounts and
// street numbers are invented.
package demo

// Place is a city or town passengers search for.
type Place struct {
	Key      string   // stable identifier, e.g. "hcm", "dalat"
	Name     string   // display name with diacritics, e.g. "TP Hồ Chí Minh", "Đà Lạt"
	Province string   // one of the 34 provinces/cities since 1 July 2025, e.g. "Lâm Đồng"
	Kind     string   // "city" or "town"
	Aliases  []string // what people type: "Sài Gòn", "Saigon", "TP HCM", "HCM", "Hồ Chí Minh", old names like "Vũng Tàu" for a town now in HCM...
}

// Tier is one step of a cancellation policy: cancelling at least HoursBefore hours before departure costs FeePercent of the fare.
type Tier struct{ HoursBefore, FeePercent int }

type Operator struct {
	Key, Name, Phone string // Phone: hotline like "1900 6067" or a mobile
	Rating           int    // tenths of a star: 45 = 4.5
	Manual           bool   // confirmation mode: manual (staff confirm) vs instant
	Policy           []Tier // sorted by HoursBefore descending, e.g. {{24,0},{12,50},{0,100}}
	BankBIN          string // a real VietQR bank BIN from VIETNAM.md (970436 Vietcombank, ...)
	BankAccount      string // fictional account number
	AccountName      string // upper-case without accents, e.g. "CONG TY TNHH VAN TAI PHUONG NAM"
}

// Point is a pickup and/or drop-off point at a stop.
type Point struct {
	Name, Address   string
	Offset          int // minutes relative to the stop's own time (negative = before)
	Pickup, Dropoff bool
	Note            string // e.g. "Xe trung chuyển miễn phí"
}

type Stop struct {
	Place   string // Place.Key
	Station string // e.g. "Bến xe Miền Đông mới", "Bến xe Liên tỉnh Đà Lạt", "Ngã ba Bảo Lộc"
	Offset  int    // minutes after the trip's departure from the first stop (0 for the first)
	Points  []Point
}

type Route struct {
	Key        string
	Operator   string   // Operator.Key
	Vehicle    string   // "coach45" (45-seat coach), "sleeper40" (double-deck sleeper, lower A01.., upper B01..), "limo9" (9-seat limousine van), "cabin22" (double-deck limousine cabins)
	Stops      []Stop   // 2..6 stops, Offsets strictly increasing
	Departures []string // daily departure times "HH:MM" in Vietnam time, e.g. "07:00", "22:30"
	Fare       int64    // VND for the whole route in a standard seat/berth, multiple of 1000
}

type Promo struct {
	Code        string
	Percent     int   // 0 when Fixed is used
	Fixed       int64 // VND off
	MaxDiscount int64 // cap for percent codes, 0 = none
	MinOrder    int64
	TotalLimit  int    // 0 = unlimited
	PerPhone    int    // 0 = unlimited
	Operator    string // Operator.Key scope, "" = all
	DaysValid   int    // valid from the seed day for this many days
}

// Places passengers search for. Old province and town names that people
// still type ("Vũng Tàu", "Bình Dương", "Phan Rang - Tháp Chàm") are aliases,
// and each big city lists its bus stations so "Miền Đông" finds Sài Gòn.
var Places = []Place{
	// Thành phố trực thuộc trung ương
	{Key: "hcm", Name: "TP Hồ Chí Minh", Province: "TP Hồ Chí Minh", Kind: "city", Aliases: []string{
		"Sài Gòn", "Saigon", "TP HCM", "TPHCM", "HCM", "Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Ho Chi Minh City", "SGN",
		"Miền Đông", "Bến xe Miền Đông", "Miền Tây", "Bến xe Miền Tây", "An Sương", "Bến xe An Sương"}},
	{Key: "hanoi", Name: "Hà Nội", Province: "Hà Nội", Kind: "city", Aliases: []string{
		"Hanoi", "HN", "Thủ đô", "Mỹ Đình", "Bến xe Mỹ Đình", "Giáp Bát", "Bến xe Giáp Bát", "Nước Ngầm", "Bến xe Nước Ngầm",
		"Gia Lâm", "Bến xe Gia Lâm", "Yên Nghĩa", "Bến xe Yên Nghĩa", "Hà Đông"}},
	{Key: "haiphong", Name: "Hải Phòng", Province: "Hải Phòng", Kind: "city", Aliases: []string{
		"Hai Phong", "Haiphong", "HP", "Thành phố Hoa Phượng Đỏ", "Niệm Nghĩa", "Thượng Lý", "Lạc Long"}},
	{Key: "danang", Name: "Đà Nẵng", Province: "Đà Nẵng", Kind: "city", Aliases: []string{
		"Danang", "ĐN", "Sông Hàn", "Bến xe Trung tâm Đà Nẵng"}},
	{Key: "hue", Name: "Huế", Province: "Huế", Kind: "city", Aliases: []string{
		"Hue", "Thừa Thiên Huế", "Thừa Thiên - Huế", "TT Huế", "Cố đô Huế"}},
	{Key: "cantho", Name: "Cần Thơ", Province: "Cần Thơ", Kind: "city", Aliases: []string{
		"Can Tho", "Cantho", "Tây Đô", "Ninh Kiều", "Hậu Giang"}},

	// Miền Bắc
	{Key: "sapa", Name: "Sapa", Province: "Lào Cai", Kind: "town", Aliases: []string{"Sa Pa", "Thị xã Sa Pa", "Fansipan"}},
	{Key: "laocai", Name: "Lào Cai", Province: "Lào Cai", Kind: "city", Aliases: []string{"Lao Cai", "Thành phố Lào Cai"}},
	{Key: "yenbai", Name: "Yên Bái", Province: "Lào Cai", Kind: "city", Aliases: []string{"Yen Bai", "Tỉnh Yên Bái"}},
	{Key: "hagiang", Name: "Hà Giang", Province: "Tuyên Quang", Kind: "city", Aliases: []string{"Ha Giang", "Tỉnh Hà Giang", "Cao nguyên đá"}},
	{Key: "tuyenquang", Name: "Tuyên Quang", Province: "Tuyên Quang", Kind: "city", Aliases: []string{"Tuyen Quang"}},
	{Key: "caobang", Name: "Cao Bằng", Province: "Cao Bằng", Kind: "city", Aliases: []string{"Cao Bang", "Bản Giốc"}},
	{Key: "langson", Name: "Lạng Sơn", Province: "Lạng Sơn", Kind: "city", Aliases: []string{"Lang Son", "Xứ Lạng"}},
	{Key: "bacgiang", Name: "Bắc Giang", Province: "Bắc Ninh", Kind: "city", Aliases: []string{"Bac Giang", "Tỉnh Bắc Giang"}},
	{Key: "thainguyen", Name: "Thái Nguyên", Province: "Thái Nguyên", Kind: "city", Aliases: []string{"Thai Nguyen"}},
	{Key: "backan", Name: "Bắc Kạn", Province: "Thái Nguyên", Kind: "town", Aliases: []string{"Bắc Cạn", "Bac Kan", "Tỉnh Bắc Kạn"}},
	{Key: "halong", Name: "Hạ Long", Province: "Quảng Ninh", Kind: "city", Aliases: []string{"Ha Long", "Halong", "Bãi Cháy", "Vịnh Hạ Long", "Quảng Ninh"}},
	{Key: "mongcai", Name: "Móng Cái", Province: "Quảng Ninh", Kind: "town", Aliases: []string{"Mong Cai", "Cửa khẩu Móng Cái", "Trà Cổ"}},
	{Key: "haiduong", Name: "Hải Dương", Province: "Hải Phòng", Kind: "city", Aliases: []string{"Hai Duong", "Tỉnh Hải Dương"}},
	{Key: "ninhbinh", Name: "Ninh Bình", Province: "Ninh Bình", Kind: "city", Aliases: []string{"Ninh Binh", "Tràng An", "Tam Cốc", "Hoa Lư"}},
	{Key: "namdinh", Name: "Nam Định", Province: "Ninh Bình", Kind: "city", Aliases: []string{"Nam Dinh", "Thành Nam", "Tỉnh Nam Định"}},
	{Key: "hoabinh", Name: "Hòa Bình", Province: "Phú Thọ", Kind: "city", Aliases: []string{"Hoà Bình", "Hoa Binh", "Tỉnh Hòa Bình"}},
	{Key: "mocchau", Name: "Mộc Châu", Province: "Sơn La", Kind: "town", Aliases: []string{"Moc Chau", "Cao nguyên Mộc Châu"}},
	{Key: "sonla", Name: "Sơn La", Province: "Sơn La", Kind: "city", Aliases: []string{"Son La"}},
	{Key: "dienbien", Name: "Điện Biên Phủ", Province: "Điện Biên", Kind: "city", Aliases: []string{"Điện Biên", "Dien Bien", "Dien Bien Phu", "Mường Thanh"}},

	// Bắc Trung Bộ
	{Key: "thanhhoa", Name: "Thanh Hóa", Province: "Thanh Hóa", Kind: "city", Aliases: []string{"Thanh Hoá", "Thanh Hoa", "Xứ Thanh", "Sầm Sơn"}},
	{Key: "vinh", Name: "Vinh", Province: "Nghệ An", Kind: "city", Aliases: []string{"TP Vinh", "Thành phố Vinh", "Nghệ An", "Cửa Lò"}},
	{Key: "hatinh", Name: "Hà Tĩnh", Province: "Hà Tĩnh", Kind: "city", Aliases: []string{"Ha Tinh"}},
	{Key: "donghoi", Name: "Đồng Hới", Province: "Quảng Trị", Kind: "city", Aliases: []string{"Dong Hoi", "Quảng Bình", "Phong Nha"}},
	{Key: "dongha", Name: "Đông Hà", Province: "Quảng Trị", Kind: "city", Aliases: []string{"Dong Ha", "Quảng Trị"}},

	// Nam Trung Bộ và Tây Nguyên
	{Key: "hoian", Name: "Hội An", Province: "Đà Nẵng", Kind: "town", Aliases: []string{"Hoi An", "Phố cổ Hội An"}},
	{Key: "tamky", Name: "Tam Kỳ", Province: "Đà Nẵng", Kind: "city", Aliases: []string{"Tam Ky", "Quảng Nam"}},
	{Key: "quangngai", Name: "Quảng Ngãi", Province: "Quảng Ngãi", Kind: "city", Aliases: []string{"Quang Ngai"}},
	{Key: "kontum", Name: "Kon Tum", Province: "Quảng Ngãi", Kind: "city", Aliases: []string{"Kontum", "Tỉnh Kon Tum"}},
	{Key: "pleiku", Name: "Pleiku", Province: "Gia Lai", Kind: "city", Aliases: []string{"Plei Ku", "Play Cu", "Phố núi Pleiku"}},
	{Key: "quynhon", Name: "Quy Nhơn", Province: "Gia Lai", Kind: "city", Aliases: []string{"Qui Nhơn", "Quy Nhon", "Bình Định", "Ghềnh Ráng"}},
	{Key: "tuyhoa", Name: "Tuy Hòa", Province: "Đắk Lắk", Kind: "city", Aliases: []string{"Tuy Hoà", "Tuy Hoa", "Phú Yên"}},
	{Key: "bmt", Name: "Buôn Ma Thuột", Province: "Đắk Lắk", Kind: "city", Aliases: []string{"Ban Mê Thuột", "Ban Mê", "BMT", "Buon Ma Thuot", "Buôn Mê Thuột", "Đắk Lắk", "Daklak"}},
	{Key: "gianghia", Name: "Gia Nghĩa", Province: "Lâm Đồng", Kind: "city", Aliases: []string{"Gia Nghia", "Đắk Nông", "Dak Nong"}},
	{Key: "nhatrang", Name: "Nha Trang", Province: "Khánh Hòa", Kind: "city", Aliases: []string{"Nhatrang", "Khánh Hoà", "Khánh Hòa"}},
	{Key: "camranh", Name: "Cam Ranh", Province: "Khánh Hòa", Kind: "town", Aliases: []string{"Vịnh Cam Ranh", "Bãi Dài"}},
	{Key: "phanrang", Name: "Phan Rang", Province: "Khánh Hòa", Kind: "city", Aliases: []string{"Phan Rang - Tháp Chàm", "Phan Rang–Tháp Chàm", "Tháp Chàm", "Ninh Thuận"}},
	{Key: "dalat", Name: "Đà Lạt", Province: "Lâm Đồng", Kind: "city", Aliases: []string{"Dalat", "Thành phố ngàn hoa", "Bến xe Liên tỉnh Đà Lạt"}},
	{Key: "baoloc", Name: "Bảo Lộc", Province: "Lâm Đồng", Kind: "city", Aliases: []string{"Bao Loc", "Blao", "B'Lao", "Ngã ba Bảo Lộc"}},
	{Key: "phanthiet", Name: "Phan Thiết", Province: "Lâm Đồng", Kind: "city", Aliases: []string{"Phan Thiet", "Bình Thuận"}},
	{Key: "muine", Name: "Mũi Né", Province: "Lâm Đồng", Kind: "town", Aliases: []string{"Mui Ne", "Muine", "Đồi cát Mũi Né"}},

	// Đông Nam Bộ
	{Key: "vungtau", Name: "Vũng Tàu", Province: "TP Hồ Chí Minh", Kind: "city", Aliases: []string{"Vung Tau", "Bà Rịa - Vũng Tàu", "Bà Rịa–Vũng Tàu", "BR-VT", "Bãi Sau"}},
	{Key: "thudaumot", Name: "Thủ Dầu Một", Province: "TP Hồ Chí Minh", Kind: "city", Aliases: []string{"Thu Dau Mot", "Bình Dương", "Binh Duong"}},
	{Key: "bienhoa", Name: "Biên Hòa", Province: "Đồng Nai", Kind: "city", Aliases: []string{"Biên Hoà", "Bien Hoa", "Ngã tư Vũng Tàu"}},
	{Key: "dongxoai", Name: "Đồng Xoài", Province: "Đồng Nai", Kind: "city", Aliases: []string{"Dong Xoai", "Bình Phước"}},
	{Key: "tayninh", Name: "Tây Ninh", Province: "Tây Ninh", Kind: "city", Aliases: []string{"Tay Ninh", "Núi Bà Đen"}},

	// Miền Tây
	{Key: "mytho", Name: "Mỹ Tho", Province: "Đồng Tháp", Kind: "city", Aliases: []string{"My Tho", "Tiền Giang", "Trung Lương"}},
	{Key: "bentre", Name: "Bến Tre", Province: "Vĩnh Long", Kind: "city", Aliases: []string{"Ben Tre", "Xứ dừa"}},
	{Key: "vinhlong", Name: "Vĩnh Long", Province: "Vĩnh Long", Kind: "city", Aliases: []string{"Vinh Long"}},
	{Key: "soctrang", Name: "Sóc Trăng", Province: "Cần Thơ", Kind: "city", Aliases: []string{"Soc Trang", "Tỉnh Sóc Trăng"}},
	{Key: "baclieu", Name: "Bạc Liêu", Province: "Cà Mau", Kind: "city", Aliases: []string{"Bac Lieu", "Tỉnh Bạc Liêu"}},
	{Key: "camau", Name: "Cà Mau", Province: "Cà Mau", Kind: "city", Aliases: []string{"Ca Mau", "Đất Mũi"}},
	{Key: "longxuyen", Name: "Long Xuyên", Province: "An Giang", Kind: "city", Aliases: []string{"Long Xuyen"}},
	{Key: "chaudoc", Name: "Châu Đốc", Province: "An Giang", Kind: "city", Aliases: []string{"Chau Doc", "Núi Sam"}},
	{Key: "rachgia", Name: "Rạch Giá", Province: "An Giang", Kind: "city", Aliases: []string{"Rach Gia", "Kiên Giang"}},
}

// Operators are invented nhà xe in the style of real ones.
var Operators = []Operator{
	{Key: "phuongnam", Name: "Nhà xe Phương Nam", Phone: "1900 6185", Rating: 44, Policy: []Tier{{24, 0}, {12, 50}, {0, 100}},
		BankBIN: "970436", BankAccount: "0071000684215", AccountName: "CONG TY TNHH VAN TAI PHUONG NAM"},
	{Key: "tanphat", Name: "Nhà xe Tân Phát", Phone: "0913 245 680", Rating: 41, Policy: []Tier{{24, 10}, {4, 50}, {0, 100}},
		BankBIN: "970418", BankAccount: "31410002875561", AccountName: "CONG TY TNHH TAN PHAT"},
	{Key: "langbiang", Name: "Langbiang Limousine", Phone: "1900 2826", Rating: 47, Policy: []Tier{{12, 0}, {4, 30}, {0, 100}},
		BankBIN: "970407", BankAccount: "19036215480017", AccountName: "CONG TY CO PHAN LANGBIANG LIMOUSINE"},
	{Key: "senvang", Name: "Sen Vàng Cabin", Phone: "1900 3377", Rating: 48, Policy: []Tier{{48, 10}, {24, 50}, {0, 100}},
		BankBIN: "970432", BankAccount: "218604431", AccountName: "CONG TY TNHH SEN VANG CABIN"},
	{Key: "bienxanh", Name: "Nhà xe Biển Xanh", Phone: "1900 5279", Rating: 43, Policy: []Tier{{24, 0}, {12, 50}, {0, 100}},
		BankBIN: "970418", BankAccount: "62010003318842", AccountName: "CONG TY TNHH VAN TAI BIEN XANH"},
	{Key: "muinexanh", Name: "Mũi Né Xanh Limousine", Phone: "0888 316 927", Rating: 45, Policy: []Tier{{12, 0}, {4, 30}, {0, 100}},
		BankBIN: "970422", BankAccount: "0888316927", AccountName: "CONG TY TNHH MUI NE XANH"},
	{Key: "baisau", Name: "Bãi Sau Limousine", Phone: "0909 624 117", Rating: 42, Policy: []Tier{{24, 10}, {4, 50}, {0, 100}},
		BankBIN: "970416", BankAccount: "24681357", AccountName: "CONG TY TNHH DU LICH BAI SAU"},
	{Key: "anphu", Name: "Nhà xe An Phú Gia", Phone: "1900 4758", Rating: 39, Policy: []Tier{{24, 0}, {12, 50}, {0, 100}},
		BankBIN: "970405", BankAccount: "1900205318746", AccountName: "HTX VAN TAI AN PHU GIA"},
	{Key: "phusa", Name: "Nhà xe Phù Sa", Phone: "1900 7165", Rating: 43, Policy: []Tier{{24, 0}, {12, 50}, {0, 100}},
		BankBIN: "970415", BankAccount: "108871236654", AccountName: "CONG TY CO PHAN XE KHACH PHU SA"},
	{Key: "datmui", Name: "Đất Mũi Express", Phone: "0939 712 458", Rating: 40, Policy: []Tier{{24, 10}, {4, 50}, {0, 100}},
		BankBIN: "970405", BankAccount: "7600205114283", AccountName: "CONG TY TNHH DAT MUI EXPRESS"},
	{Key: "nuisam", Name: "Nhà xe Núi Sam", Phone: "0918 330 462", Rating: 38, Manual: true, Policy: []Tier{{24, 20}, {0, 100}},
		BankBIN: "970405", BankAccount: "6702205007719", AccountName: "NGUYEN VAN TAM"},
	{Key: "bientay", Name: "Nhà xe Biển Tây", Phone: "0977 158 304", Rating: 41, Policy: []Tier{{24, 0}, {12, 50}, {0, 100}},
		BankBIN: "970422", BankAccount: "0977158304", AccountName: "CONG TY TNHH VAN TAI BIEN TAY"},
	{Key: "buondon", Name: "Nhà xe Buôn Đôn", Phone: "0905 381 726", Rating: 42, Policy: []Tier{{48, 10}, {24, 50}, {0, 100}},
		BankBIN: "970418", BankAccount: "48110000627390", AccountName: "CONG TY TNHH BUON DON"},
	{Key: "xuyenviet", Name: "Xuyên Việt Xanh", Phone: "1900 6799", Rating: 45, Policy: []Tier{{72, 0}, {24, 30}, {6, 70}, {0, 100}},
		BankBIN: "970436", BankAccount: "1031876524", AccountName: "CONG TY CO PHAN XUYEN VIET XANH"},
	{Key: "daingan", Name: "Nhà xe Đại Ngàn", Phone: "0935 227 681", Rating: 40, Policy: []Tier{{24, 0}, {12, 50}, {0, 100}},
		BankBIN: "970415", BankAccount: "107002316648", AccountName: "CONG TY TNHH VAN TAI DAI NGAN"},
	{Key: "ghenhrang", Name: "Nhà xe Ghềnh Ráng", Phone: "0983 406 215", Rating: 41, Policy: []Tier{{24, 10}, {4, 50}, {0, 100}},
		BankBIN: "970407", BankAccount: "19033871520011", AccountName: "CONG TY TNHH GHENH RANG"},
	{Key: "sontra", Name: "Sơn Trà Express", Phone: "1900 4390", Rating: 46, Policy: []Tier{{12, 0}, {4, 30}, {0, 100}},
		BankBIN: "970416", BankAccount: "88886215", AccountName: "CONG TY TNHH SON TRA EXPRESS"},
	{Key: "ngubinh", Name: "Nhà xe Ngự Bình", Phone: "0914 508 332", Rating: 44, Policy: []Tier{{24, 0}, {12, 50}, {0, 100}},
		BankBIN: "970432", BankAccount: "156738902", AccountName: "CONG TY TNHH NGU BINH"},
	{Key: "hoanglien", Name: "Hoàng Liên Express", Phone: "1900 2468", Rating: 46, Policy: []Tier{{24, 0}, {12, 50}, {0, 100}},
		BankBIN: "970418", BankAccount: "12510000954173", AccountName: "CONG TY CO PHAN HOANG LIEN EXPRESS"},
	{Key: "hathanh", Name: "Hà Thành Cabin", Phone: "1900 8186", Rating: 49, Policy: []Tier{{72, 0}, {24, 30}, {6, 70}, {0, 100}},
		BankBIN: "970407", BankAccount: "19028816600015", AccountName: "CONG TY TNHH HA THANH CABIN"},
	{Key: "cangxanh", Name: "Cảng Xanh Limousine", Phone: "0936 812 455", Rating: 45, Policy: []Tier{{12, 0}, {4, 30}, {0, 100}},
		BankBIN: "970422", BankAccount: "0936812455", AccountName: "CONG TY TNHH CANG XANH LIMOUSINE"},
	{Key: "hoalu", Name: "Hoa Lư Limousine", Phone: "0982 771 304", Rating: 47, Policy: []Tier{{12, 0}, {4, 30}, {0, 100}},
		BankBIN: "970436", BankAccount: "0451000392718", AccountName: "CONG TY TNHH HOA LU LIMOUSINE"},
	{Key: "hongphat", Name: "Nhà xe Hồng Lam Phát", Phone: "0868 245 119", Rating: 40, Policy: []Tier{{24, 10}, {4, 50}, {0, 100}},
		BankBIN: "970405", BankAccount: "3600205471180", AccountName: "CONG TY TNHH HONG LAM PHAT"},
	{Key: "hamrong", Name: "Hàm Rồng Limousine", Phone: "0847 613 208", Rating: 43, Policy: []Tier{{12, 0}, {4, 30}, {0, 100}},
		BankBIN: "970416", BankAccount: "55338812", AccountName: "CONG TY TNHH HAM RONG LIMOUSINE"},
	{Key: "vinhngoc", Name: "Vịnh Ngọc Limousine", Phone: "1900 3968", Rating: 46, Policy: []Tier{{24, 10}, {4, 50}, {0, 100}},
		BankBIN: "970432", BankAccount: "209877143", AccountName: "CONG TY CO PHAN VINH NGOC"},
	{Key: "caonguyenda", Name: "Cao Nguyên Đá Express", Phone: "0975 361 842", Rating: 44, Manual: true, Policy: []Tier{{48, 10}, {24, 50}, {0, 100}},
		BankBIN: "970418", BankAccount: "82110000476152", AccountName: "CONG TY TNHH CAO NGUYEN DA"},
	{Key: "phadin", Name: "Nhà xe Pha Đin", Phone: "0912 663 508", Rating: 39, Manual: true, Policy: []Tier{{24, 20}, {0, 100}},
		BankBIN: "970405", BankAccount: "8900205236671", AccountName: "HTX VAN TAI PHA DIN"},
	{Key: "nonnuoc", Name: "Nhà xe Non Nước", Phone: "0946 205 731", Rating: 40, Manual: true, Policy: []Tier{{24, 0}, {12, 50}, {0, 100}},
		BankBIN: "970415", BankAccount: "105501882093", AccountName: "CONG TY TNHH NON NUOC"},
	{Key: "kylua", Name: "Nhà xe Kỳ Lừa", Phone: "0397 520 416", Rating: 39, Policy: []Tier{{24, 10}, {4, 50}, {0, 100}},
		BankBIN: "970422", BankAccount: "0397520416", AccountName: "CONG TY TNHH KY LUA"},
}

// Routes run on real corridors between real bus stations. Reverse
// directions mirror their outbound route's stops and points.
var Routes = []Route{
	{
		Key: "phuongnam-hcm-dalat", Operator: "phuongnam", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: -60, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Ngã tư Hàng Xanh", Address: "Xô Viết Nghệ Tĩnh, phường Gia Định, TP Hồ Chí Minh", Offset: -30, Pickup: true},
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Pickup: true, Note: "Quầy vé số 18"},
			}},
			{Place: "baoloc", Station: "Bến xe Bảo Lộc", Offset: 270, Points: []Point{
				{Name: "Bến xe Bảo Lộc", Address: "Quốc lộ 20, phường 2 Bảo Lộc, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "dalat", Station: "Bến xe Liên tỉnh Đà Lạt", Offset: 450, Points: []Point{
				{Name: "Bến xe Liên tỉnh Đà Lạt", Address: "01 Tô Hiến Thành, phường Xuân Hương - Đà Lạt, Lâm Đồng", Dropoff: true},
				{Name: "Văn phòng Phan Bội Châu", Address: "12 Phan Bội Châu, phường Xuân Hương - Đà Lạt, Lâm Đồng", Offset: 20, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"07:00", "09:30", "13:00", "21:00", "22:00", "23:00"},
		Fare:       300000,
	},
	{
		Key: "phuongnam-dalat-hcm", Operator: "phuongnam", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "dalat", Station: "Bến xe Liên tỉnh Đà Lạt", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phan Bội Châu", Address: "12 Phan Bội Châu, phường Xuân Hương - Đà Lạt, Lâm Đồng", Offset: -20, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Liên tỉnh Đà Lạt", Address: "01 Tô Hiến Thành, phường Xuân Hương - Đà Lạt, Lâm Đồng", Pickup: true},
			}},
			{Place: "baoloc", Station: "Bến xe Bảo Lộc", Offset: 180, Points: []Point{
				{Name: "Bến xe Bảo Lộc", Address: "Quốc lộ 20, phường 2 Bảo Lộc, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 450, Points: []Point{
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Ngã tư Hàng Xanh", Address: "Xô Viết Nghệ Tĩnh, phường Gia Định, TP Hồ Chí Minh", Offset: 30, Dropoff: true},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: 60, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"07:00", "10:00", "13:00", "22:00", "23:00", "23:30"},
		Fare:       300000,
	},
	{
		Key: "langbiang-hcm-dalat", Operator: "langbiang", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hcm", Station: "Văn phòng Ba Tháng Hai", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: -30, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Văn phòng Ba Tháng Hai", Address: "150 Ba Tháng Hai, phường Hòa Hưng, TP Hồ Chí Minh", Pickup: true, Note: "Phòng chờ có nước uống miễn phí"},
				{Name: "Ngã tư Thủ Đức", Address: "Võ Văn Ngân, phường Thủ Đức, TP Hồ Chí Minh", Offset: 35, Pickup: true, Note: "Đón dọc đường, gọi trước 30 phút"},
			}},
			{Place: "baoloc", Station: "Ngã ba Bảo Lộc", Offset: 255, Points: []Point{
				{Name: "Ngã ba Bảo Lộc", Address: "Trần Phú (Quốc lộ 20), phường 1 Bảo Lộc, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "dalat", Station: "Văn phòng Phan Bội Châu", Offset: 420, Points: []Point{
				{Name: "Văn phòng Phan Bội Châu", Address: "12 Phan Bội Châu, phường Xuân Hương - Đà Lạt, Lâm Đồng", Dropoff: true},
				{Name: "Quảng trường Lâm Viên", Address: "Trần Quốc Toản, phường Xuân Hương - Đà Lạt, Lâm Đồng", Offset: 10, Dropoff: true, Note: "Trả tận nơi trong trung tâm Đà Lạt"},
			}},
		},
		Departures: []string{"06:00", "08:00", "10:00", "14:00", "22:30"},
		Fare:       420000,
	},
	{
		Key: "langbiang-dalat-hcm", Operator: "langbiang", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "dalat", Station: "Văn phòng Phan Bội Châu", Offset: 0, Points: []Point{
				{Name: "Quảng trường Lâm Viên", Address: "Trần Quốc Toản, phường Xuân Hương - Đà Lạt, Lâm Đồng", Offset: -10, Pickup: true},
				{Name: "Văn phòng Phan Bội Châu", Address: "12 Phan Bội Châu, phường Xuân Hương - Đà Lạt, Lâm Đồng", Pickup: true},
			}},
			{Place: "baoloc", Station: "Ngã ba Bảo Lộc", Offset: 165, Points: []Point{
				{Name: "Ngã ba Bảo Lộc", Address: "Trần Phú (Quốc lộ 20), phường 1 Bảo Lộc, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "hcm", Station: "Văn phòng Ba Tháng Hai", Offset: 420, Points: []Point{
				{Name: "Ngã tư Thủ Đức", Address: "Võ Văn Ngân, phường Thủ Đức, TP Hồ Chí Minh", Offset: -35, Dropoff: true},
				{Name: "Văn phòng Ba Tháng Hai", Address: "150 Ba Tháng Hai, phường Hòa Hưng, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: 30, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"06:00", "08:00", "11:00", "14:00", "23:00"},
		Fare:       420000,
	},
	{
		Key: "senvang-hcm-dalat", Operator: "senvang", Vehicle: "cabin22",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: -45, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "dalat", Station: "Bến xe Liên tỉnh Đà Lạt", Offset: 420, Points: []Point{
				{Name: "Bến xe Liên tỉnh Đà Lạt", Address: "01 Tô Hiến Thành, phường Xuân Hương - Đà Lạt, Lâm Đồng", Dropoff: true},
				{Name: "Văn phòng Phan Bội Châu", Address: "12 Phan Bội Châu, phường Xuân Hương - Đà Lạt, Lâm Đồng", Offset: 15, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"21:30", "23:00"},
		Fare:       480000,
	},
	{
		Key: "senvang-dalat-hcm", Operator: "senvang", Vehicle: "cabin22",
		Stops: []Stop{
			{Place: "dalat", Station: "Bến xe Liên tỉnh Đà Lạt", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phan Bội Châu", Address: "12 Phan Bội Châu, phường Xuân Hương - Đà Lạt, Lâm Đồng", Offset: -15, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Liên tỉnh Đà Lạt", Address: "01 Tô Hiến Thành, phường Xuân Hương - Đà Lạt, Lâm Đồng", Pickup: true},
			}},
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 420, Points: []Point{
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: 45, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"21:00", "22:30"},
		Fare:       480000,
	},
	{
		Key: "tanphat-binhduong-dalat", Operator: "tanphat", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "thudaumot", Station: "Bến xe Bình Dương", Offset: 0, Points: []Point{
				{Name: "Bến xe Bình Dương", Address: "Đại lộ Bình Dương, phường Phú Lợi, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "bienhoa", Station: "Bến xe Biên Hòa", Offset: 50, Points: []Point{
				{Name: "Bến xe Biên Hòa", Address: "4 Nguyễn Ái Quốc, phường Trấn Biên, Đồng Nai", Pickup: true, Dropoff: true},
				{Name: "Ngã tư Vũng Tàu", Address: "Quốc lộ 1, phường Tam Hiệp, Đồng Nai", Offset: 10, Pickup: true, Dropoff: true},
			}},
			{Place: "baoloc", Station: "Bến xe Bảo Lộc", Offset: 270, Points: []Point{
				{Name: "Bến xe Bảo Lộc", Address: "Quốc lộ 20, phường 2 Bảo Lộc, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "dalat", Station: "Bến xe Liên tỉnh Đà Lạt", Offset: 450, Points: []Point{
				{Name: "Bến xe Liên tỉnh Đà Lạt", Address: "01 Tô Hiến Thành, phường Xuân Hương - Đà Lạt, Lâm Đồng", Dropoff: true},
			}},
		},
		Departures: []string{"06:30", "12:30", "20:30"},
		Fare:       260000,
	},
	{
		Key: "bienxanh-hcm-nhatrang", Operator: "bienxanh", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: -60, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Pickup: true, Note: "Quầy vé số 7"},
			}},
			{Place: "phanthiet", Station: "Bến xe Bắc Bình Thuận", Offset: 180, Points: []Point{
				{Name: "Bến xe Bắc Bình Thuận", Address: "Từ Văn Tư, phường Phú Thủy, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "phanrang", Station: "Bến xe Phan Rang", Offset: 330, Points: []Point{
				{Name: "Bến xe Phan Rang", Address: "64 Thống Nhất, phường Phan Rang, Khánh Hòa", Pickup: true, Dropoff: true},
			}},
			{Place: "camranh", Station: "Ngã ba Cam Ranh", Offset: 390, Points: []Point{
				{Name: "Ngã ba Cam Ranh", Address: "Quốc lộ 1, phường Cam Ranh, Khánh Hòa", Pickup: true, Dropoff: true},
			}},
			{Place: "nhatrang", Station: "Bến xe phía Nam Nha Trang", Offset: 450, Points: []Point{
				{Name: "Bến xe phía Nam Nha Trang", Address: "58 đường 23 Tháng 10, phường Tây Nha Trang, Khánh Hòa", Dropoff: true},
				{Name: "Văn phòng Trần Phú", Address: "78 Trần Phú, phường Nha Trang, Khánh Hòa", Offset: 20, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"08:00", "20:00", "21:30", "22:30"},
		Fare:       320000,
	},
	{
		Key: "bienxanh-nhatrang-hcm", Operator: "bienxanh", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "nhatrang", Station: "Bến xe phía Nam Nha Trang", Offset: 0, Points: []Point{
				{Name: "Văn phòng Trần Phú", Address: "78 Trần Phú, phường Nha Trang, Khánh Hòa", Offset: -20, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe phía Nam Nha Trang", Address: "58 đường 23 Tháng 10, phường Tây Nha Trang, Khánh Hòa", Pickup: true},
			}},
			{Place: "camranh", Station: "Ngã ba Cam Ranh", Offset: 60, Points: []Point{
				{Name: "Ngã ba Cam Ranh", Address: "Quốc lộ 1, phường Cam Ranh, Khánh Hòa", Pickup: true, Dropoff: true},
			}},
			{Place: "phanrang", Station: "Bến xe Phan Rang", Offset: 120, Points: []Point{
				{Name: "Bến xe Phan Rang", Address: "64 Thống Nhất, phường Phan Rang, Khánh Hòa", Pickup: true, Dropoff: true},
			}},
			{Place: "phanthiet", Station: "Bến xe Bắc Bình Thuận", Offset: 270, Points: []Point{
				{Name: "Bến xe Bắc Bình Thuận", Address: "Từ Văn Tư, phường Phú Thủy, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 450, Points: []Point{
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: 60, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"08:00", "19:30", "21:00", "22:30"},
		Fare:       320000,
	},
	{
		Key: "senvang-hcm-nhatrang", Operator: "senvang", Vehicle: "cabin22",
		Stops: []Stop{
			{Place: "hcm", Station: "Văn phòng Phạm Ngũ Lão", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Pickup: true, Note: "Phòng chờ có nước uống miễn phí"},
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Offset: 45, Pickup: true},
			}},
			{Place: "nhatrang", Station: "Văn phòng Trần Phú", Offset: 450, Points: []Point{
				{Name: "Bến xe phía Nam Nha Trang", Address: "58 đường 23 Tháng 10, phường Tây Nha Trang, Khánh Hòa", Offset: -20, Dropoff: true},
				{Name: "Văn phòng Trần Phú", Address: "78 Trần Phú, phường Nha Trang, Khánh Hòa", Dropoff: true},
			}},
		},
		Departures: []string{"21:00", "22:00"},
		Fare:       500000,
	},
	{
		Key: "senvang-nhatrang-hcm", Operator: "senvang", Vehicle: "cabin22",
		Stops: []Stop{
			{Place: "nhatrang", Station: "Văn phòng Trần Phú", Offset: 0, Points: []Point{
				{Name: "Văn phòng Trần Phú", Address: "78 Trần Phú, phường Nha Trang, Khánh Hòa", Pickup: true},
				{Name: "Bến xe phía Nam Nha Trang", Address: "58 đường 23 Tháng 10, phường Tây Nha Trang, Khánh Hòa", Offset: 20, Pickup: true},
			}},
			{Place: "hcm", Station: "Văn phòng Phạm Ngũ Lão", Offset: 450, Points: []Point{
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Offset: -45, Dropoff: true},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Dropoff: true},
			}},
		},
		Departures: []string{"20:30", "21:30"},
		Fare:       500000,
	},
	{
		Key: "muinexanh-hcm-muine", Operator: "muinexanh", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hcm", Station: "Văn phòng Phạm Ngũ Lão", Offset: 0, Points: []Point{
				{Name: "Sân bay Tân Sơn Nhất (ga quốc nội)", Address: "Trường Sơn, phường Tân Sơn Hòa, TP Hồ Chí Minh", Offset: -30, Pickup: true, Note: "Đón ở cột số 5, ga quốc nội"},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "phanthiet", Station: "Văn phòng Phan Thiết", Offset: 180, Points: []Point{
				{Name: "Văn phòng Phan Thiết", Address: "210 Trần Hưng Đạo, phường Phan Thiết, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "muine", Station: "Mũi Né", Offset: 220, Points: []Point{
				{Name: "Mũi Né (Nguyễn Đình Chiểu)", Address: "Nguyễn Đình Chiểu, phường Mũi Né, Lâm Đồng", Dropoff: true, Note: "Trả tận khách sạn dọc Nguyễn Đình Chiểu"},
			}},
		},
		Departures: []string{"06:00", "08:00", "10:00", "13:00", "16:00"},
		Fare:       250000,
	},
	{
		Key: "muinexanh-muine-hcm", Operator: "muinexanh", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "muine", Station: "Mũi Né", Offset: 0, Points: []Point{
				{Name: "Mũi Né (Nguyễn Đình Chiểu)", Address: "Nguyễn Đình Chiểu, phường Mũi Né, Lâm Đồng", Pickup: true},
			}},
			{Place: "phanthiet", Station: "Văn phòng Phan Thiết", Offset: 40, Points: []Point{
				{Name: "Văn phòng Phan Thiết", Address: "210 Trần Hưng Đạo, phường Phan Thiết, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "hcm", Station: "Văn phòng Phạm Ngũ Lão", Offset: 220, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Sân bay Tân Sơn Nhất (ga quốc nội)", Address: "Trường Sơn, phường Tân Sơn Hòa, TP Hồ Chí Minh", Offset: 30, Dropoff: true},
			}},
		},
		Departures: []string{"07:00", "09:00", "12:00", "14:00", "17:00"},
		Fare:       250000,
	},
	{
		Key: "tanphat-hcm-phanthiet", Operator: "tanphat", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 0, Points: []Point{
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "bienhoa", Station: "Ngã tư Vũng Tàu", Offset: 40, Points: []Point{
				{Name: "Ngã tư Vũng Tàu", Address: "Quốc lộ 1, phường Tam Hiệp, Đồng Nai", Pickup: true, Dropoff: true},
			}},
			{Place: "phanthiet", Station: "Bến xe Bắc Bình Thuận", Offset: 210, Points: []Point{
				{Name: "Bến xe Bắc Bình Thuận", Address: "Từ Văn Tư, phường Phú Thủy, Lâm Đồng", Dropoff: true},
				{Name: "Văn phòng Phan Thiết", Address: "210 Trần Hưng Đạo, phường Phan Thiết, Lâm Đồng", Offset: 15, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"07:00", "11:00", "15:00"},
		Fare:       180000,
	},
	{
		Key: "baisau-hcm-vungtau", Operator: "baisau", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hcm", Station: "Văn phòng Phạm Ngũ Lão", Offset: 0, Points: []Point{
				{Name: "Sân bay Tân Sơn Nhất (ga quốc nội)", Address: "Trường Sơn, phường Tân Sơn Hòa, TP Hồ Chí Minh", Offset: -40, Pickup: true, Note: "Đón ở cột số 5, ga quốc nội"},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "vungtau", Station: "Văn phòng Bãi Sau", Offset: 135, Points: []Point{
				{Name: "Bến xe Vũng Tàu", Address: "192 Nam Kỳ Khởi Nghĩa, phường Tam Thắng, TP Hồ Chí Minh", Offset: -10, Dropoff: true},
				{Name: "Văn phòng Bãi Sau", Address: "45 Thùy Vân, phường Vũng Tàu, TP Hồ Chí Minh", Dropoff: true, Note: "Trả tận nơi trong nội thành Vũng Tàu"},
			}},
		},
		Departures: []string{"05:30", "07:00", "09:00", "11:00", "13:00", "15:00", "17:00", "19:00"},
		Fare:       220000,
	},
	{
		Key: "baisau-vungtau-hcm", Operator: "baisau", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "vungtau", Station: "Văn phòng Bãi Sau", Offset: 0, Points: []Point{
				{Name: "Văn phòng Bãi Sau", Address: "45 Thùy Vân, phường Vũng Tàu, TP Hồ Chí Minh", Pickup: true},
				{Name: "Bến xe Vũng Tàu", Address: "192 Nam Kỳ Khởi Nghĩa, phường Tam Thắng, TP Hồ Chí Minh", Offset: 10, Pickup: true},
			}},
			{Place: "hcm", Station: "Văn phòng Phạm Ngũ Lão", Offset: 135, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Sân bay Tân Sơn Nhất (ga quốc nội)", Address: "Trường Sơn, phường Tân Sơn Hòa, TP Hồ Chí Minh", Offset: 40, Dropoff: true},
			}},
		},
		Departures: []string{"05:00", "06:30", "08:30", "10:30", "13:00", "15:00", "17:00"},
		Fare:       220000,
	},
	{
		Key: "anphu-hcm-vungtau", Operator: "anphu", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 0, Points: []Point{
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "vungtau", Station: "Bến xe Vũng Tàu", Offset: 150, Points: []Point{
				{Name: "Bến xe Vũng Tàu", Address: "192 Nam Kỳ Khởi Nghĩa, phường Tam Thắng, TP Hồ Chí Minh", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "08:30", "11:00", "14:00", "16:30"},
		Fare:       160000,
	},
	{
		Key: "anphu-vungtau-hcm", Operator: "anphu", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "vungtau", Station: "Bến xe Vũng Tàu", Offset: 0, Points: []Point{
				{Name: "Bến xe Vũng Tàu", Address: "192 Nam Kỳ Khởi Nghĩa, phường Tam Thắng, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 150, Points: []Point{
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Dropoff: true},
			}},
		},
		Departures: []string{"05:30", "08:00", "10:30", "13:30", "16:00"},
		Fare:       160000,
	},
	{
		Key: "phusa-hcm-cantho", Operator: "phusa", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Tây", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: -45, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Miền Tây", Address: "395 Kinh Dương Vương, phường An Lạc, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "mytho", Station: "Ngã ba Trung Lương", Offset: 70, Points: []Point{
				{Name: "Ngã ba Trung Lương", Address: "Quốc lộ 1, phường Đạo Thạnh, Đồng Tháp", Pickup: true, Dropoff: true},
			}},
			{Place: "vinhlong", Station: "Bến xe Vĩnh Long", Offset: 150, Points: []Point{
				{Name: "Bến xe Vĩnh Long", Address: "Đinh Tiên Hoàng, phường Long Châu, Vĩnh Long", Pickup: true, Dropoff: true},
			}},
			{Place: "cantho", Station: "Bến xe Trung tâm Cần Thơ", Offset: 210, Points: []Point{
				{Name: "Bến xe Trung tâm Cần Thơ", Address: "Quốc lộ 1, phường Hưng Phú, Cần Thơ", Dropoff: true},
				{Name: "Văn phòng Ninh Kiều", Address: "30 Hai Bà Trưng, phường Ninh Kiều, Cần Thơ", Offset: 20, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"05:00", "07:00", "09:00", "11:00", "13:00", "15:00", "17:00"},
		Fare:       165000,
	},
	{
		Key: "phusa-cantho-hcm", Operator: "phusa", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "cantho", Station: "Bến xe Trung tâm Cần Thơ", Offset: 0, Points: []Point{
				{Name: "Văn phòng Ninh Kiều", Address: "30 Hai Bà Trưng, phường Ninh Kiều, Cần Thơ", Offset: -20, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Trung tâm Cần Thơ", Address: "Quốc lộ 1, phường Hưng Phú, Cần Thơ", Pickup: true},
			}},
			{Place: "vinhlong", Station: "Bến xe Vĩnh Long", Offset: 60, Points: []Point{
				{Name: "Bến xe Vĩnh Long", Address: "Đinh Tiên Hoàng, phường Long Châu, Vĩnh Long", Pickup: true, Dropoff: true},
			}},
			{Place: "mytho", Station: "Ngã ba Trung Lương", Offset: 140, Points: []Point{
				{Name: "Ngã ba Trung Lương", Address: "Quốc lộ 1, phường Đạo Thạnh, Đồng Tháp", Pickup: true, Dropoff: true},
			}},
			{Place: "hcm", Station: "Bến xe Miền Tây", Offset: 210, Points: []Point{
				{Name: "Bến xe Miền Tây", Address: "395 Kinh Dương Vương, phường An Lạc, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: 45, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"05:00", "07:00", "09:00", "11:00", "13:00", "15:00", "17:00"},
		Fare:       165000,
	},
	{
		Key: "phusa-hcm-cantho-limo", Operator: "phusa", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hcm", Station: "Văn phòng Ba Tháng Hai", Offset: 0, Points: []Point{
				{Name: "Văn phòng Ba Tháng Hai", Address: "150 Ba Tháng Hai, phường Hòa Hưng, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "cantho", Station: "Văn phòng Ninh Kiều", Offset: 195, Points: []Point{
				{Name: "Văn phòng Ninh Kiều", Address: "30 Hai Bà Trưng, phường Ninh Kiều, Cần Thơ", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "10:00", "14:00", "18:00"},
		Fare:       250000,
	},
	{
		Key: "phusa-hcm-bentre", Operator: "phusa", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hcm", Station: "Văn phòng Ba Tháng Hai", Offset: 0, Points: []Point{
				{Name: "Văn phòng Ba Tháng Hai", Address: "150 Ba Tháng Hai, phường Hòa Hưng, TP Hồ Chí Minh", Pickup: true},
				{Name: "Bến xe Miền Tây", Address: "395 Kinh Dương Vương, phường An Lạc, TP Hồ Chí Minh", Offset: 30, Pickup: true, Note: "Đón ở cổng Bến xe Miền Tây"},
			}},
			{Place: "bentre", Station: "Bến xe Bến Tre", Offset: 120, Points: []Point{
				{Name: "Bến xe Bến Tre", Address: "Quốc lộ 60, phường An Hội, Vĩnh Long", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "09:00", "12:00", "15:00", "18:00"},
		Fare:       140000,
	},
	{
		Key: "datmui-hcm-camau", Operator: "datmui", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Tây", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: -60, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Miền Tây", Address: "395 Kinh Dương Vương, phường An Lạc, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "cantho", Station: "Bến xe Trung tâm Cần Thơ", Offset: 210, Points: []Point{
				{Name: "Bến xe Trung tâm Cần Thơ", Address: "Quốc lộ 1, phường Hưng Phú, Cần Thơ", Pickup: true, Dropoff: true},
			}},
			{Place: "soctrang", Station: "Bến xe Sóc Trăng", Offset: 300, Points: []Point{
				{Name: "Bến xe Sóc Trăng", Address: "Lê Duẩn, phường Phú Lợi, Cần Thơ", Pickup: true, Dropoff: true},
			}},
			{Place: "baclieu", Station: "Bến xe Bạc Liêu", Offset: 360, Points: []Point{
				{Name: "Bến xe Bạc Liêu", Address: "Quốc lộ 1, phường Bạc Liêu, Cà Mau", Pickup: true, Dropoff: true},
			}},
			{Place: "camau", Station: "Bến xe Cà Mau", Offset: 450, Points: []Point{
				{Name: "Bến xe Cà Mau", Address: "Lý Thường Kiệt, phường An Xuyên, Cà Mau", Dropoff: true},
			}},
		},
		Departures: []string{"09:00", "20:30", "21:30", "22:30"},
		Fare:       290000,
	},
	{
		Key: "datmui-camau-hcm", Operator: "datmui", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "camau", Station: "Bến xe Cà Mau", Offset: 0, Points: []Point{
				{Name: "Bến xe Cà Mau", Address: "Lý Thường Kiệt, phường An Xuyên, Cà Mau", Pickup: true},
			}},
			{Place: "baclieu", Station: "Bến xe Bạc Liêu", Offset: 90, Points: []Point{
				{Name: "Bến xe Bạc Liêu", Address: "Quốc lộ 1, phường Bạc Liêu, Cà Mau", Pickup: true, Dropoff: true},
			}},
			{Place: "soctrang", Station: "Bến xe Sóc Trăng", Offset: 150, Points: []Point{
				{Name: "Bến xe Sóc Trăng", Address: "Lê Duẩn, phường Phú Lợi, Cần Thơ", Pickup: true, Dropoff: true},
			}},
			{Place: "cantho", Station: "Bến xe Trung tâm Cần Thơ", Offset: 240, Points: []Point{
				{Name: "Bến xe Trung tâm Cần Thơ", Address: "Quốc lộ 1, phường Hưng Phú, Cần Thơ", Pickup: true, Dropoff: true},
			}},
			{Place: "hcm", Station: "Bến xe Miền Tây", Offset: 450, Points: []Point{
				{Name: "Bến xe Miền Tây", Address: "395 Kinh Dương Vương, phường An Lạc, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: 60, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"08:00", "20:00", "21:00", "22:00"},
		Fare:       290000,
	},
	{
		Key: "nuisam-hcm-chaudoc", Operator: "nuisam", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Tây", Offset: 0, Points: []Point{
				{Name: "Bến xe Miền Tây", Address: "395 Kinh Dương Vương, phường An Lạc, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "longxuyen", Station: "Bến xe Long Xuyên", Offset: 270, Points: []Point{
				{Name: "Bến xe Long Xuyên", Address: "Trần Hưng Đạo, phường Long Xuyên, An Giang", Pickup: true, Dropoff: true},
			}},
			{Place: "chaudoc", Station: "Bến xe Châu Đốc", Offset: 345, Points: []Point{
				{Name: "Bến xe Châu Đốc", Address: "Quốc lộ 91, phường Châu Đốc, An Giang", Dropoff: true},
				{Name: "Chân núi Sam", Address: "Tân Lộ Kiều Lương, phường Vĩnh Tế, An Giang", Offset: 15, Dropoff: true, Note: "Trả khách khu du lịch núi Sam"},
			}},
		},
		Departures: []string{"06:00", "09:00", "13:00", "22:00"},
		Fare:       220000,
	},
	{
		Key: "nuisam-chaudoc-hcm", Operator: "nuisam", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "chaudoc", Station: "Bến xe Châu Đốc", Offset: 0, Points: []Point{
				{Name: "Chân núi Sam", Address: "Tân Lộ Kiều Lương, phường Vĩnh Tế, An Giang", Offset: -15, Pickup: true},
				{Name: "Bến xe Châu Đốc", Address: "Quốc lộ 91, phường Châu Đốc, An Giang", Pickup: true},
			}},
			{Place: "longxuyen", Station: "Bến xe Long Xuyên", Offset: 75, Points: []Point{
				{Name: "Bến xe Long Xuyên", Address: "Trần Hưng Đạo, phường Long Xuyên, An Giang", Pickup: true, Dropoff: true},
			}},
			{Place: "hcm", Station: "Bến xe Miền Tây", Offset: 345, Points: []Point{
				{Name: "Bến xe Miền Tây", Address: "395 Kinh Dương Vương, phường An Lạc, TP Hồ Chí Minh", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "09:00", "13:00", "22:00"},
		Fare:       220000,
	},
	{
		Key: "bientay-hcm-rachgia", Operator: "bientay", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Tây", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: -60, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Miền Tây", Address: "395 Kinh Dương Vương, phường An Lạc, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "rachgia", Station: "Bến xe Rạch Giá", Offset: 360, Points: []Point{
				{Name: "Bến xe Rạch Giá", Address: "260A Nguyễn Bỉnh Khiêm, phường Rạch Giá, An Giang", Dropoff: true},
			}},
		},
		Departures: []string{"08:00", "13:00", "21:00", "22:30"},
		Fare:       250000,
	},
	{
		Key: "bientay-rachgia-hcm", Operator: "bientay", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "rachgia", Station: "Bến xe Rạch Giá", Offset: 0, Points: []Point{
				{Name: "Bến xe Rạch Giá", Address: "260A Nguyễn Bỉnh Khiêm, phường Rạch Giá, An Giang", Pickup: true},
			}},
			{Place: "hcm", Station: "Bến xe Miền Tây", Offset: 360, Points: []Point{
				{Name: "Bến xe Miền Tây", Address: "395 Kinh Dương Vương, phường An Lạc, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: 60, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"08:00", "13:00", "21:00", "22:30"},
		Fare:       250000,
	},
	{
		Key: "buondon-hcm-bmt", Operator: "buondon", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: -60, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "dongxoai", Station: "Bến xe Đồng Xoài", Offset: 120, Points: []Point{
				{Name: "Bến xe Đồng Xoài", Address: "Quốc lộ 14, phường Đồng Xoài, Đồng Nai", Pickup: true, Dropoff: true},
			}},
			{Place: "gianghia", Station: "Bến xe Gia Nghĩa", Offset: 300, Points: []Point{
				{Name: "Bến xe Gia Nghĩa", Address: "Quốc lộ 14, phường Nam Gia Nghĩa, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "bmt", Station: "Bến xe phía Bắc Buôn Ma Thuột", Offset: 450, Points: []Point{
				{Name: "Bến xe phía Bắc Buôn Ma Thuột", Address: "71 Nguyễn Chí Thanh, phường Tân An, Đắk Lắk", Dropoff: true},
				{Name: "Văn phòng Buôn Ma Thuột", Address: "10 Lê Hồng Phong, phường Buôn Ma Thuột, Đắk Lắk", Offset: 20, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"08:00", "19:30", "21:00", "22:30"},
		Fare:       290000,
	},
	{
		Key: "buondon-bmt-hcm", Operator: "buondon", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "bmt", Station: "Bến xe phía Bắc Buôn Ma Thuột", Offset: 0, Points: []Point{
				{Name: "Văn phòng Buôn Ma Thuột", Address: "10 Lê Hồng Phong, phường Buôn Ma Thuột, Đắk Lắk", Offset: -20, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe phía Bắc Buôn Ma Thuột", Address: "71 Nguyễn Chí Thanh, phường Tân An, Đắk Lắk", Pickup: true},
			}},
			{Place: "gianghia", Station: "Bến xe Gia Nghĩa", Offset: 150, Points: []Point{
				{Name: "Bến xe Gia Nghĩa", Address: "Quốc lộ 14, phường Nam Gia Nghĩa, Lâm Đồng", Pickup: true, Dropoff: true},
			}},
			{Place: "dongxoai", Station: "Bến xe Đồng Xoài", Offset: 330, Points: []Point{
				{Name: "Bến xe Đồng Xoài", Address: "Quốc lộ 14, phường Đồng Xoài, Đồng Nai", Pickup: true, Dropoff: true},
			}},
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 450, Points: []Point{
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: 60, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"08:00", "19:00", "20:30", "22:00"},
		Fare:       290000,
	},
	{
		Key: "xuyenviet-hcm-quynhon", Operator: "xuyenviet", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: -60, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "nhatrang", Station: "Bến xe phía Bắc Nha Trang", Offset: 480, Points: []Point{
				{Name: "Bến xe phía Bắc Nha Trang", Address: "Km 6 đường 2 Tháng 4, phường Bắc Nha Trang, Khánh Hòa", Pickup: true, Dropoff: true},
			}},
			{Place: "tuyhoa", Station: "Bến xe Tuy Hòa", Offset: 600, Points: []Point{
				{Name: "Bến xe Tuy Hòa", Address: "Nguyễn Tất Thành, phường Tuy Hòa, Đắk Lắk", Pickup: true, Dropoff: true},
			}},
			{Place: "quynhon", Station: "Bến xe Quy Nhơn", Offset: 720, Points: []Point{
				{Name: "Bến xe Quy Nhơn", Address: "71 Tây Sơn, phường Quy Nhơn Nam, Gia Lai", Dropoff: true},
				{Name: "Văn phòng Xuân Diệu", Address: "150 Xuân Diệu, phường Quy Nhơn, Gia Lai", Offset: 15, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"15:00", "17:30", "19:00"},
		Fare:       420000,
	},
	{
		Key: "xuyenviet-quynhon-hcm", Operator: "xuyenviet", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "quynhon", Station: "Bến xe Quy Nhơn", Offset: 0, Points: []Point{
				{Name: "Văn phòng Xuân Diệu", Address: "150 Xuân Diệu, phường Quy Nhơn, Gia Lai", Offset: -15, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Quy Nhơn", Address: "71 Tây Sơn, phường Quy Nhơn Nam, Gia Lai", Pickup: true},
			}},
			{Place: "tuyhoa", Station: "Bến xe Tuy Hòa", Offset: 120, Points: []Point{
				{Name: "Bến xe Tuy Hòa", Address: "Nguyễn Tất Thành, phường Tuy Hòa, Đắk Lắk", Pickup: true, Dropoff: true},
			}},
			{Place: "nhatrang", Station: "Bến xe phía Bắc Nha Trang", Offset: 240, Points: []Point{
				{Name: "Bến xe phía Bắc Nha Trang", Address: "Km 6 đường 2 Tháng 4, phường Bắc Nha Trang, Khánh Hòa", Pickup: true, Dropoff: true},
			}},
			{Place: "hcm", Station: "Bến xe Miền Đông mới", Offset: 720, Points: []Point{
				{Name: "Bến xe Miền Đông mới", Address: "501 Hoàng Hữu Nam, phường Long Bình, TP Hồ Chí Minh", Dropoff: true},
				{Name: "Văn phòng Phạm Ngũ Lão", Address: "272 Phạm Ngũ Lão, phường Bến Thành, TP Hồ Chí Minh", Offset: 60, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"15:00", "17:00", "18:30"},
		Fare:       420000,
	},
	{
		Key: "tanphat-hcm-tayninh", Operator: "tanphat", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hcm", Station: "Bến xe An Sương", Offset: 0, Points: []Point{
				{Name: "Bến xe An Sương", Address: "Quốc lộ 22, xã Bà Điểm, TP Hồ Chí Minh", Pickup: true},
			}},
			{Place: "tayninh", Station: "Bến xe Tây Ninh", Offset: 150, Points: []Point{
				{Name: "Bến xe Tây Ninh", Address: "Lê Lợi, phường Tân Ninh, Tây Ninh", Dropoff: true},
			}},
		},
		Departures: []string{"05:30", "08:00", "11:00", "14:00", "17:00"},
		Fare:       110000,
	},
	{
		Key: "bienxanh-nhatrang-dalat", Operator: "bienxanh", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "nhatrang", Station: "Văn phòng Trần Phú", Offset: 0, Points: []Point{
				{Name: "Văn phòng Trần Phú", Address: "78 Trần Phú, phường Nha Trang, Khánh Hòa", Pickup: true},
			}},
			{Place: "dalat", Station: "Văn phòng Phan Bội Châu", Offset: 225, Points: []Point{
				{Name: "Văn phòng Phan Bội Châu", Address: "12 Phan Bội Châu, phường Xuân Hương - Đà Lạt, Lâm Đồng", Dropoff: true},
			}},
		},
		Departures: []string{"07:00", "09:00", "13:00", "15:00"},
		Fare:       250000,
	},
	{
		Key: "bienxanh-dalat-nhatrang", Operator: "bienxanh", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "dalat", Station: "Văn phòng Phan Bội Châu", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phan Bội Châu", Address: "12 Phan Bội Châu, phường Xuân Hương - Đà Lạt, Lâm Đồng", Pickup: true},
			}},
			{Place: "nhatrang", Station: "Văn phòng Trần Phú", Offset: 225, Points: []Point{
				{Name: "Văn phòng Trần Phú", Address: "78 Trần Phú, phường Nha Trang, Khánh Hòa", Dropoff: true},
			}},
		},
		Departures: []string{"07:00", "09:30", "13:00", "15:30"},
		Fare:       250000,
	},
	{
		Key: "daingan-nhatrang-dalat", Operator: "daingan", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "nhatrang", Station: "Bến xe phía Nam Nha Trang", Offset: 0, Points: []Point{
				{Name: "Bến xe phía Nam Nha Trang", Address: "58 đường 23 Tháng 10, phường Tây Nha Trang, Khánh Hòa", Pickup: true},
			}},
			{Place: "dalat", Station: "Bến xe Liên tỉnh Đà Lạt", Offset: 240, Points: []Point{
				{Name: "Bến xe Liên tỉnh Đà Lạt", Address: "01 Tô Hiến Thành, phường Xuân Hương - Đà Lạt, Lâm Đồng", Dropoff: true},
			}},
		},
		Departures: []string{"06:30", "10:00", "14:00"},
		Fare:       160000,
	},
	{
		Key: "daingan-dalat-bmt", Operator: "daingan", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "dalat", Station: "Bến xe Liên tỉnh Đà Lạt", Offset: 0, Points: []Point{
				{Name: "Bến xe Liên tỉnh Đà Lạt", Address: "01 Tô Hiến Thành, phường Xuân Hương - Đà Lạt, Lâm Đồng", Pickup: true},
			}},
			{Place: "bmt", Station: "Bến xe Liên tỉnh Đắk Lắk", Offset: 300, Points: []Point{
				{Name: "Bến xe Liên tỉnh Đắk Lắk", Address: "Lê Duẩn, phường Ea Kao, Đắk Lắk", Dropoff: true},
			}},
		},
		Departures: []string{"07:00", "13:00"},
		Fare:       230000,
	},
	{
		Key: "daingan-bmt-dalat", Operator: "daingan", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "bmt", Station: "Bến xe Liên tỉnh Đắk Lắk", Offset: 0, Points: []Point{
				{Name: "Bến xe Liên tỉnh Đắk Lắk", Address: "Lê Duẩn, phường Ea Kao, Đắk Lắk", Pickup: true},
			}},
			{Place: "dalat", Station: "Bến xe Liên tỉnh Đà Lạt", Offset: 300, Points: []Point{
				{Name: "Bến xe Liên tỉnh Đà Lạt", Address: "01 Tô Hiến Thành, phường Xuân Hương - Đà Lạt, Lâm Đồng", Dropoff: true},
			}},
		},
		Departures: []string{"07:30", "13:30"},
		Fare:       230000,
	},
	{
		Key: "tanphat-phanrang-dalat", Operator: "tanphat", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "phanrang", Station: "Bến xe Phan Rang", Offset: 0, Points: []Point{
				{Name: "Bến xe Phan Rang", Address: "64 Thống Nhất, phường Phan Rang, Khánh Hòa", Pickup: true},
			}},
			{Place: "dalat", Station: "Bến xe Liên tỉnh Đà Lạt", Offset: 180, Points: []Point{
				{Name: "Bến xe Liên tỉnh Đà Lạt", Address: "01 Tô Hiến Thành, phường Xuân Hương - Đà Lạt, Lâm Đồng", Dropoff: true},
			}},
		},
		Departures: []string{"07:30", "13:30"},
		Fare:       150000,
	},
	{
		Key: "ghenhrang-quynhon-pleiku", Operator: "ghenhrang", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "quynhon", Station: "Bến xe Quy Nhơn", Offset: 0, Points: []Point{
				{Name: "Bến xe Quy Nhơn", Address: "71 Tây Sơn, phường Quy Nhơn Nam, Gia Lai", Pickup: true},
			}},
			{Place: "pleiku", Station: "Bến xe Pleiku", Offset: 240, Points: []Point{
				{Name: "Bến xe Pleiku", Address: "43 Lý Nam Đế, phường Pleiku, Gia Lai", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "10:00", "14:00"},
		Fare:       160000,
	},
	{
		Key: "ghenhrang-danang-quynhon", Operator: "ghenhrang", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "danang", Station: "Bến xe Trung tâm Đà Nẵng", Offset: 0, Points: []Point{
				{Name: "Văn phòng Bạch Đằng", Address: "120 Bạch Đằng, phường Hải Châu, Đà Nẵng", Offset: -30, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Trung tâm Đà Nẵng", Address: "201 Tôn Đức Thắng, phường Hòa Khánh, Đà Nẵng", Pickup: true},
			}},
			{Place: "tamky", Station: "Bến xe Tam Kỳ", Offset: 90, Points: []Point{
				{Name: "Bến xe Tam Kỳ", Address: "Phan Bội Châu, phường Tam Kỳ, Đà Nẵng", Pickup: true, Dropoff: true},
			}},
			{Place: "quangngai", Station: "Bến xe Quảng Ngãi", Offset: 165, Points: []Point{
				{Name: "Bến xe Quảng Ngãi", Address: "26 Lê Thánh Tôn, phường Cẩm Thành, Quảng Ngãi", Pickup: true, Dropoff: true},
			}},
			{Place: "quynhon", Station: "Bến xe Quy Nhơn", Offset: 360, Points: []Point{
				{Name: "Bến xe Quy Nhơn", Address: "71 Tây Sơn, phường Quy Nhơn Nam, Gia Lai", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "09:00", "13:00"},
		Fare:       250000,
	},
	{
		Key: "ghenhrang-quynhon-danang", Operator: "ghenhrang", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "quynhon", Station: "Bến xe Quy Nhơn", Offset: 0, Points: []Point{
				{Name: "Bến xe Quy Nhơn", Address: "71 Tây Sơn, phường Quy Nhơn Nam, Gia Lai", Pickup: true},
			}},
			{Place: "quangngai", Station: "Bến xe Quảng Ngãi", Offset: 195, Points: []Point{
				{Name: "Bến xe Quảng Ngãi", Address: "26 Lê Thánh Tôn, phường Cẩm Thành, Quảng Ngãi", Pickup: true, Dropoff: true},
			}},
			{Place: "tamky", Station: "Bến xe Tam Kỳ", Offset: 270, Points: []Point{
				{Name: "Bến xe Tam Kỳ", Address: "Phan Bội Châu, phường Tam Kỳ, Đà Nẵng", Pickup: true, Dropoff: true},
			}},
			{Place: "danang", Station: "Bến xe Trung tâm Đà Nẵng", Offset: 360, Points: []Point{
				{Name: "Bến xe Trung tâm Đà Nẵng", Address: "201 Tôn Đức Thắng, phường Hòa Khánh, Đà Nẵng", Dropoff: true},
				{Name: "Văn phòng Bạch Đằng", Address: "120 Bạch Đằng, phường Hải Châu, Đà Nẵng", Offset: 30, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"06:00", "09:00", "13:00"},
		Fare:       250000,
	},
	{
		Key: "daingan-danang-pleiku", Operator: "daingan", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "danang", Station: "Bến xe Trung tâm Đà Nẵng", Offset: 0, Points: []Point{
				{Name: "Bến xe Trung tâm Đà Nẵng", Address: "201 Tôn Đức Thắng, phường Hòa Khánh, Đà Nẵng", Pickup: true},
			}},
			{Place: "quangngai", Station: "Bến xe Quảng Ngãi", Offset: 150, Points: []Point{
				{Name: "Bến xe Quảng Ngãi", Address: "26 Lê Thánh Tôn, phường Cẩm Thành, Quảng Ngãi", Pickup: true, Dropoff: true},
			}},
			{Place: "kontum", Station: "Bến xe Kon Tum", Offset: 390, Points: []Point{
				{Name: "Bến xe Kon Tum", Address: "279 Phan Đình Phùng, phường Kon Tum, Quảng Ngãi", Pickup: true, Dropoff: true},
			}},
			{Place: "pleiku", Station: "Bến xe Pleiku", Offset: 450, Points: []Point{
				{Name: "Bến xe Pleiku", Address: "43 Lý Nam Đế, phường Pleiku, Gia Lai", Dropoff: true},
			}},
		},
		Departures: []string{"18:00", "20:00"},
		Fare:       330000,
	},
	{
		Key: "daingan-pleiku-danang", Operator: "daingan", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "pleiku", Station: "Bến xe Pleiku", Offset: 0, Points: []Point{
				{Name: "Bến xe Pleiku", Address: "43 Lý Nam Đế, phường Pleiku, Gia Lai", Pickup: true},
			}},
			{Place: "kontum", Station: "Bến xe Kon Tum", Offset: 60, Points: []Point{
				{Name: "Bến xe Kon Tum", Address: "279 Phan Đình Phùng, phường Kon Tum, Quảng Ngãi", Pickup: true, Dropoff: true},
			}},
			{Place: "quangngai", Station: "Bến xe Quảng Ngãi", Offset: 300, Points: []Point{
				{Name: "Bến xe Quảng Ngãi", Address: "26 Lê Thánh Tôn, phường Cẩm Thành, Quảng Ngãi", Pickup: true, Dropoff: true},
			}},
			{Place: "danang", Station: "Bến xe Trung tâm Đà Nẵng", Offset: 450, Points: []Point{
				{Name: "Bến xe Trung tâm Đà Nẵng", Address: "201 Tôn Đức Thắng, phường Hòa Khánh, Đà Nẵng", Dropoff: true},
			}},
		},
		Departures: []string{"18:30", "20:30"},
		Fare:       330000,
	},
	{
		Key: "sontra-danang-hue", Operator: "sontra", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "danang", Station: "Văn phòng Bạch Đằng", Offset: 0, Points: []Point{
				{Name: "Văn phòng Bạch Đằng", Address: "120 Bạch Đằng, phường Hải Châu, Đà Nẵng", Pickup: true},
				{Name: "Sân bay Đà Nẵng", Address: "Duy Tân, phường Hòa Cường, Đà Nẵng", Offset: 20, Pickup: true, Note: "Đón ở sảnh ga quốc nội"},
			}},
			{Place: "hue", Station: "Văn phòng Lê Lợi", Offset: 150, Points: []Point{
				{Name: "Văn phòng Lê Lợi", Address: "44 Lê Lợi, phường Thuận Hóa, Huế", Dropoff: true, Note: "Trả tận khách sạn trong nội thành Huế"},
			}},
		},
		Departures: []string{"06:00", "08:00", "10:00", "13:00", "15:00", "17:00"},
		Fare:       170000,
	},
	{
		Key: "sontra-hue-danang", Operator: "sontra", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hue", Station: "Văn phòng Lê Lợi", Offset: 0, Points: []Point{
				{Name: "Văn phòng Lê Lợi", Address: "44 Lê Lợi, phường Thuận Hóa, Huế", Pickup: true},
			}},
			{Place: "danang", Station: "Văn phòng Bạch Đằng", Offset: 150, Points: []Point{
				{Name: "Sân bay Đà Nẵng", Address: "Duy Tân, phường Hòa Cường, Đà Nẵng", Offset: -20, Dropoff: true},
				{Name: "Văn phòng Bạch Đằng", Address: "120 Bạch Đằng, phường Hải Châu, Đà Nẵng", Dropoff: true},
			}},
		},
		Departures: []string{"06:30", "08:30", "10:30", "13:30", "15:30", "17:30"},
		Fare:       170000,
	},
	{
		Key: "sontra-danang-hoian", Operator: "sontra", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "danang", Station: "Văn phòng Bạch Đằng", Offset: 0, Points: []Point{
				{Name: "Văn phòng Bạch Đằng", Address: "120 Bạch Đằng, phường Hải Châu, Đà Nẵng", Pickup: true},
				{Name: "Biển Mỹ Khê", Address: "Võ Nguyên Giáp, phường Sơn Trà, Đà Nẵng", Offset: 15, Pickup: true},
			}},
			{Place: "hoian", Station: "Phố cổ Hội An", Offset: 60, Points: []Point{
				{Name: "Bến xe Hội An", Address: "96 Hùng Vương, phường Hội An Tây, Đà Nẵng", Offset: -5, Dropoff: true},
				{Name: "Phố cổ Hội An", Address: "Trần Hưng Đạo, phường Hội An, Đà Nẵng", Dropoff: true, Note: "Trả tận khách sạn trong phố cổ"},
			}},
		},
		Departures: []string{"07:00", "08:30", "10:00", "13:00", "15:00", "17:00", "19:00"},
		Fare:       120000,
	},
	{
		Key: "sontra-hoian-danang", Operator: "sontra", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hoian", Station: "Phố cổ Hội An", Offset: 0, Points: []Point{
				{Name: "Phố cổ Hội An", Address: "Trần Hưng Đạo, phường Hội An, Đà Nẵng", Pickup: true},
				{Name: "Bến xe Hội An", Address: "96 Hùng Vương, phường Hội An Tây, Đà Nẵng", Offset: 5, Pickup: true},
			}},
			{Place: "danang", Station: "Văn phòng Bạch Đằng", Offset: 60, Points: []Point{
				{Name: "Biển Mỹ Khê", Address: "Võ Nguyên Giáp, phường Sơn Trà, Đà Nẵng", Offset: -15, Dropoff: true},
				{Name: "Văn phòng Bạch Đằng", Address: "120 Bạch Đằng, phường Hải Châu, Đà Nẵng", Dropoff: true},
			}},
		},
		Departures: []string{"07:30", "09:00", "11:00", "14:00", "16:00", "18:00", "20:00"},
		Fare:       120000,
	},
	{
		Key: "ngubinh-hue-hoian", Operator: "ngubinh", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hue", Station: "Văn phòng Lê Lợi", Offset: 0, Points: []Point{
				{Name: "Văn phòng Lê Lợi", Address: "44 Lê Lợi, phường Thuận Hóa, Huế", Pickup: true},
			}},
			{Place: "danang", Station: "Văn phòng Bạch Đằng", Offset: 150, Points: []Point{
				{Name: "Văn phòng Bạch Đằng", Address: "120 Bạch Đằng, phường Hải Châu, Đà Nẵng", Pickup: true, Dropoff: true},
			}},
			{Place: "hoian", Station: "Phố cổ Hội An", Offset: 210, Points: []Point{
				{Name: "Phố cổ Hội An", Address: "Trần Hưng Đạo, phường Hội An, Đà Nẵng", Dropoff: true},
			}},
		},
		Departures: []string{"08:00", "13:00"},
		Fare:       250000,
	},
	{
		Key: "ngubinh-hue-danang", Operator: "ngubinh", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hue", Station: "Bến xe phía Nam Huế", Offset: 0, Points: []Point{
				{Name: "Bến xe phía Nam Huế", Address: "97 An Dương Vương, phường An Cựu, Huế", Pickup: true},
			}},
			{Place: "danang", Station: "Bến xe Trung tâm Đà Nẵng", Offset: 150, Points: []Point{
				{Name: "Bến xe Trung tâm Đà Nẵng", Address: "201 Tôn Đức Thắng, phường Hòa Khánh, Đà Nẵng", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "09:00", "12:00", "15:00"},
		Fare:       110000,
	},
	{
		Key: "hoanglien-hanoi-sapa", Operator: "hoanglien", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Mỹ Đình", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Offset: -45, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Mỹ Đình", Address: "20 Phạm Hùng, phường Từ Liêm, Hà Nội", Pickup: true, Note: "Cửa ra số 3"},
			}},
			{Place: "laocai", Station: "Bến xe Trung tâm Lào Cai", Offset: 270, Points: []Point{
				{Name: "Bến xe Trung tâm Lào Cai", Address: "Trần Hưng Đạo, phường Cam Đường, Lào Cai", Pickup: true, Dropoff: true},
			}},
			{Place: "sapa", Station: "Bến xe Sa Pa", Offset: 345, Points: []Point{
				{Name: "Bến xe Sa Pa", Address: "Điện Biên Phủ, phường Sa Pa, Lào Cai", Dropoff: true},
				{Name: "Nhà thờ Đá Sa Pa", Address: "Quảng trường Sa Pa, phường Sa Pa, Lào Cai", Offset: 10, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"06:30", "07:30", "13:00", "21:30", "22:00"},
		Fare:       300000,
	},
	{
		Key: "hoanglien-sapa-hanoi", Operator: "hoanglien", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "sapa", Station: "Bến xe Sa Pa", Offset: 0, Points: []Point{
				{Name: "Nhà thờ Đá Sa Pa", Address: "Quảng trường Sa Pa, phường Sa Pa, Lào Cai", Offset: -10, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Sa Pa", Address: "Điện Biên Phủ, phường Sa Pa, Lào Cai", Pickup: true},
			}},
			{Place: "laocai", Station: "Bến xe Trung tâm Lào Cai", Offset: 75, Points: []Point{
				{Name: "Bến xe Trung tâm Lào Cai", Address: "Trần Hưng Đạo, phường Cam Đường, Lào Cai", Pickup: true, Dropoff: true},
			}},
			{Place: "hanoi", Station: "Bến xe Mỹ Đình", Offset: 345, Points: []Point{
				{Name: "Bến xe Mỹ Đình", Address: "20 Phạm Hùng, phường Từ Liêm, Hà Nội", Dropoff: true},
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Offset: 45, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"07:00", "10:00", "14:00", "21:00", "22:00"},
		Fare:       300000,
	},
	{
		Key: "hathanh-hanoi-sapa", Operator: "hathanh", Vehicle: "cabin22",
		Stops: []Stop{
			{Place: "hanoi", Station: "Văn phòng Phố cổ", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Pickup: true, Note: "Phòng chờ có nước uống miễn phí"},
				{Name: "Văn phòng Trần Duy Hưng", Address: "88 Trần Duy Hưng, phường Yên Hòa, Hà Nội", Offset: 30, Pickup: true},
			}},
			{Place: "sapa", Station: "Nhà thờ Đá Sa Pa", Offset: 330, Points: []Point{
				{Name: "Nhà thờ Đá Sa Pa", Address: "Quảng trường Sa Pa, phường Sa Pa, Lào Cai", Dropoff: true},
			}},
		},
		Departures: []string{"07:00", "22:00"},
		Fare:       450000,
	},
	{
		Key: "hathanh-sapa-hanoi", Operator: "hathanh", Vehicle: "cabin22",
		Stops: []Stop{
			{Place: "sapa", Station: "Nhà thờ Đá Sa Pa", Offset: 0, Points: []Point{
				{Name: "Nhà thờ Đá Sa Pa", Address: "Quảng trường Sa Pa, phường Sa Pa, Lào Cai", Pickup: true},
			}},
			{Place: "hanoi", Station: "Văn phòng Phố cổ", Offset: 330, Points: []Point{
				{Name: "Văn phòng Trần Duy Hưng", Address: "88 Trần Duy Hưng, phường Yên Hòa, Hà Nội", Offset: -30, Dropoff: true},
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Dropoff: true},
			}},
		},
		Departures: []string{"13:30", "22:30"},
		Fare:       450000,
	},
	{
		Key: "hoanglien-hanoi-sapa-coach", Operator: "hoanglien", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Mỹ Đình", Offset: 0, Points: []Point{
				{Name: "Bến xe Mỹ Đình", Address: "20 Phạm Hùng, phường Từ Liêm, Hà Nội", Pickup: true},
			}},
			{Place: "yenbai", Station: "Bến xe Yên Bái", Offset: 150, Points: []Point{
				{Name: "Bến xe Yên Bái", Address: "Điện Biên, phường Yên Bái, Lào Cai", Pickup: true, Dropoff: true},
			}},
			{Place: "laocai", Station: "Bến xe Trung tâm Lào Cai", Offset: 270, Points: []Point{
				{Name: "Bến xe Trung tâm Lào Cai", Address: "Trần Hưng Đạo, phường Cam Đường, Lào Cai", Pickup: true, Dropoff: true},
			}},
			{Place: "sapa", Station: "Bến xe Sa Pa", Offset: 345, Points: []Point{
				{Name: "Bến xe Sa Pa", Address: "Điện Biên Phủ, phường Sa Pa, Lào Cai", Dropoff: true},
			}},
		},
		Departures: []string{"08:00", "14:00"},
		Fare:       250000,
	},
	{
		Key: "cangxanh-hanoi-haiphong", Operator: "cangxanh", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hanoi", Station: "Văn phòng Long Biên", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Offset: -30, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Văn phòng Long Biên", Address: "210 Nguyễn Văn Cừ, phường Long Biên, Hà Nội", Pickup: true},
			}},
			{Place: "haiphong", Station: "Văn phòng Lạch Tray", Offset: 120, Points: []Point{
				{Name: "Văn phòng Lạch Tray", Address: "150 Lạch Tray, phường Gia Viên, Hải Phòng", Dropoff: true, Note: "Trả tận nơi trong nội thành Hải Phòng"},
			}},
		},
		Departures: []string{"05:30", "07:00", "08:30", "10:00", "12:00", "14:00", "16:00", "17:30", "19:00"},
		Fare:       180000,
	},
	{
		Key: "cangxanh-haiphong-hanoi", Operator: "cangxanh", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "haiphong", Station: "Văn phòng Lạch Tray", Offset: 0, Points: []Point{
				{Name: "Văn phòng Lạch Tray", Address: "150 Lạch Tray, phường Gia Viên, Hải Phòng", Pickup: true},
			}},
			{Place: "hanoi", Station: "Văn phòng Long Biên", Offset: 120, Points: []Point{
				{Name: "Văn phòng Long Biên", Address: "210 Nguyễn Văn Cừ, phường Long Biên, Hà Nội", Dropoff: true},
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Offset: 30, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"05:00", "06:30", "08:00", "10:00", "12:00", "14:00", "16:00", "18:00"},
		Fare:       180000,
	},
	{
		Key: "cangxanh-hanoi-haiphong-coach", Operator: "cangxanh", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Gia Lâm", Offset: 0, Points: []Point{
				{Name: "Bến xe Gia Lâm", Address: "9 Ngô Gia Khảm, phường Bồ Đề, Hà Nội", Pickup: true},
			}},
			{Place: "haiduong", Station: "Bến xe Hải Tân", Offset: 60, Points: []Point{
				{Name: "Bến xe Hải Tân", Address: "Quốc lộ 5, phường Tân Hưng, Hải Phòng", Pickup: true, Dropoff: true},
			}},
			{Place: "haiphong", Station: "Bến xe Niệm Nghĩa", Offset: 135, Points: []Point{
				{Name: "Bến xe Thượng Lý", Address: "Đường Hà Nội, phường Hồng Bàng, Hải Phòng", Offset: -15, Dropoff: true},
				{Name: "Bến xe Niệm Nghĩa", Address: "273 Trần Nguyên Hãn, phường Lê Chân, Hải Phòng", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "08:00", "10:00", "13:00", "15:00", "17:00"},
		Fare:       120000,
	},
	{
		Key: "cangxanh-haiphong-hanoi-coach", Operator: "cangxanh", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "haiphong", Station: "Bến xe Niệm Nghĩa", Offset: 0, Points: []Point{
				{Name: "Bến xe Niệm Nghĩa", Address: "273 Trần Nguyên Hãn, phường Lê Chân, Hải Phòng", Pickup: true},
				{Name: "Bến xe Thượng Lý", Address: "Đường Hà Nội, phường Hồng Bàng, Hải Phòng", Offset: 15, Pickup: true},
			}},
			{Place: "haiduong", Station: "Bến xe Hải Tân", Offset: 75, Points: []Point{
				{Name: "Bến xe Hải Tân", Address: "Quốc lộ 5, phường Tân Hưng, Hải Phòng", Pickup: true, Dropoff: true},
			}},
			{Place: "hanoi", Station: "Bến xe Gia Lâm", Offset: 135, Points: []Point{
				{Name: "Bến xe Gia Lâm", Address: "9 Ngô Gia Khảm, phường Bồ Đề, Hà Nội", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "08:00", "10:00", "13:00", "15:00", "17:00"},
		Fare:       120000,
	},
	{
		Key: "cangxanh-haiphong-halong", Operator: "cangxanh", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "haiphong", Station: "Bến xe Lạc Long", Offset: 0, Points: []Point{
				{Name: "Bến xe Lạc Long", Address: "Cù Chính Lan, phường Hồng Bàng, Hải Phòng", Pickup: true},
			}},
			{Place: "halong", Station: "Bến xe Bãi Cháy", Offset: 90, Points: []Point{
				{Name: "Bến xe Bãi Cháy", Address: "Quốc lộ 18, phường Bãi Cháy, Quảng Ninh", Dropoff: true},
			}},
		},
		Departures: []string{"07:00", "11:00", "15:00"},
		Fare:       100000,
	},
	{
		Key: "hoalu-hanoi-ninhbinh", Operator: "hoalu", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hanoi", Station: "Văn phòng Phố cổ", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Pickup: true},
			}},
			{Place: "ninhbinh", Station: "Văn phòng Tràng An", Offset: 120, Points: []Point{
				{Name: "Bến xe Ninh Bình", Address: "207 Lê Đại Hành, phường Hoa Lư, Ninh Bình", Offset: -10, Dropoff: true},
				{Name: "Văn phòng Tràng An", Address: "Đường Tràng An, phường Tây Hoa Lư, Ninh Bình", Dropoff: true, Note: "Trả tận homestay Tràng An, Tam Cốc"},
			}},
		},
		Departures: []string{"06:00", "08:00", "10:00", "13:00", "16:00", "18:00"},
		Fare:       180000,
	},
	{
		Key: "hoalu-ninhbinh-hanoi", Operator: "hoalu", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "ninhbinh", Station: "Văn phòng Tràng An", Offset: 0, Points: []Point{
				{Name: "Văn phòng Tràng An", Address: "Đường Tràng An, phường Tây Hoa Lư, Ninh Bình", Pickup: true},
				{Name: "Bến xe Ninh Bình", Address: "207 Lê Đại Hành, phường Hoa Lư, Ninh Bình", Offset: 10, Pickup: true},
			}},
			{Place: "hanoi", Station: "Văn phòng Phố cổ", Offset: 120, Points: []Point{
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Dropoff: true},
			}},
		},
		Departures: []string{"07:00", "09:00", "12:00", "14:00", "16:30", "18:30"},
		Fare:       180000,
	},
	{
		Key: "hoalu-hanoi-ninhbinh-coach", Operator: "hoalu", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Giáp Bát", Offset: 0, Points: []Point{
				{Name: "Bến xe Giáp Bát", Address: "897 Giải Phóng, phường Hoàng Mai, Hà Nội", Pickup: true},
			}},
			{Place: "namdinh", Station: "Bến xe Nam Định", Offset: 105, Points: []Point{
				{Name: "Bến xe Nam Định", Address: "Văn Cao, phường Nam Định, Ninh Bình", Pickup: true, Dropoff: true},
			}},
			{Place: "ninhbinh", Station: "Bến xe Ninh Bình", Offset: 150, Points: []Point{
				{Name: "Bến xe Ninh Bình", Address: "207 Lê Đại Hành, phường Hoa Lư, Ninh Bình", Dropoff: true},
			}},
		},
		Departures: []string{"06:30", "09:30", "13:30", "16:30"},
		Fare:       110000,
	},
	{
		Key: "hongphat-hanoi-vinh", Operator: "hongphat", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Nước Ngầm", Offset: 0, Points: []Point{
				{Name: "Bến xe Giáp Bát", Address: "897 Giải Phóng, phường Hoàng Mai, Hà Nội", Offset: -20, Pickup: true},
				{Name: "Bến xe Nước Ngầm", Address: "1 Ngọc Hồi, phường Hoàng Liệt, Hà Nội", Pickup: true},
			}},
			{Place: "ninhbinh", Station: "Bến xe Ninh Bình", Offset: 105, Points: []Point{
				{Name: "Bến xe Ninh Bình", Address: "207 Lê Đại Hành, phường Hoa Lư, Ninh Bình", Pickup: true, Dropoff: true},
			}},
			{Place: "thanhhoa", Station: "Bến xe phía Bắc Thanh Hóa", Offset: 180, Points: []Point{
				{Name: "Bến xe phía Bắc Thanh Hóa", Address: "Bà Triệu (Quốc lộ 1), phường Hạc Thành, Thanh Hóa", Pickup: true, Dropoff: true},
			}},
			{Place: "vinh", Station: "Bến xe Vinh", Offset: 330, Points: []Point{
				{Name: "Bến xe Vinh", Address: "77 Lê Lợi, phường Thành Vinh, Nghệ An", Dropoff: true},
			}},
		},
		Departures: []string{"07:00", "10:00", "13:00", "20:00", "21:30"},
		Fare:       250000,
	},
	{
		Key: "hongphat-vinh-hanoi", Operator: "hongphat", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "vinh", Station: "Bến xe Vinh", Offset: 0, Points: []Point{
				{Name: "Bến xe Vinh", Address: "77 Lê Lợi, phường Thành Vinh, Nghệ An", Pickup: true},
			}},
			{Place: "thanhhoa", Station: "Bến xe phía Bắc Thanh Hóa", Offset: 150, Points: []Point{
				{Name: "Bến xe phía Bắc Thanh Hóa", Address: "Bà Triệu (Quốc lộ 1), phường Hạc Thành, Thanh Hóa", Pickup: true, Dropoff: true},
			}},
			{Place: "ninhbinh", Station: "Bến xe Ninh Bình", Offset: 225, Points: []Point{
				{Name: "Bến xe Ninh Bình", Address: "207 Lê Đại Hành, phường Hoa Lư, Ninh Bình", Pickup: true, Dropoff: true},
			}},
			{Place: "hanoi", Station: "Bến xe Nước Ngầm", Offset: 330, Points: []Point{
				{Name: "Bến xe Nước Ngầm", Address: "1 Ngọc Hồi, phường Hoàng Liệt, Hà Nội", Dropoff: true},
				{Name: "Bến xe Giáp Bát", Address: "897 Giải Phóng, phường Hoàng Mai, Hà Nội", Offset: 20, Dropoff: true},
			}},
		},
		Departures: []string{"07:00", "10:00", "13:00", "20:00", "21:30"},
		Fare:       250000,
	},
	{
		Key: "hamrong-hanoi-thanhhoa", Operator: "hamrong", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hanoi", Station: "Văn phòng Trần Duy Hưng", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Offset: -30, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Văn phòng Trần Duy Hưng", Address: "88 Trần Duy Hưng, phường Yên Hòa, Hà Nội", Pickup: true},
			}},
			{Place: "thanhhoa", Station: "Văn phòng Hạc Thành", Offset: 180, Points: []Point{
				{Name: "Văn phòng Hạc Thành", Address: "25 Lê Lợi, phường Hạc Thành, Thanh Hóa", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "09:00", "14:00", "17:00"},
		Fare:       230000,
	},
	{
		Key: "hamrong-thanhhoa-hanoi", Operator: "hamrong", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "thanhhoa", Station: "Văn phòng Hạc Thành", Offset: 0, Points: []Point{
				{Name: "Văn phòng Hạc Thành", Address: "25 Lê Lợi, phường Hạc Thành, Thanh Hóa", Pickup: true},
			}},
			{Place: "hanoi", Station: "Văn phòng Trần Duy Hưng", Offset: 180, Points: []Point{
				{Name: "Văn phòng Trần Duy Hưng", Address: "88 Trần Duy Hưng, phường Yên Hòa, Hà Nội", Dropoff: true},
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Offset: 30, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"05:30", "08:30", "13:30", "16:30"},
		Fare:       230000,
	},
	{
		Key: "vinhngoc-hanoi-halong", Operator: "vinhngoc", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "hanoi", Station: "Văn phòng Phố cổ", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Pickup: true},
				{Name: "Văn phòng Long Biên", Address: "210 Nguyễn Văn Cừ, phường Long Biên, Hà Nội", Offset: 20, Pickup: true},
			}},
			{Place: "halong", Station: "Văn phòng Hạ Long", Offset: 150, Points: []Point{
				{Name: "Bến xe Bãi Cháy", Address: "Quốc lộ 18, phường Bãi Cháy, Quảng Ninh", Offset: -10, Dropoff: true},
				{Name: "Văn phòng Hạ Long", Address: "88 Hạ Long, phường Bãi Cháy, Quảng Ninh", Dropoff: true, Note: "Trả tận khách sạn ở Bãi Cháy"},
			}},
		},
		Departures: []string{"06:00", "08:00", "10:00", "13:00", "15:00", "17:00"},
		Fare:       250000,
	},
	{
		Key: "vinhngoc-halong-hanoi", Operator: "vinhngoc", Vehicle: "limo9",
		Stops: []Stop{
			{Place: "halong", Station: "Văn phòng Hạ Long", Offset: 0, Points: []Point{
				{Name: "Văn phòng Hạ Long", Address: "88 Hạ Long, phường Bãi Cháy, Quảng Ninh", Pickup: true},
				{Name: "Bến xe Bãi Cháy", Address: "Quốc lộ 18, phường Bãi Cháy, Quảng Ninh", Offset: 10, Pickup: true},
			}},
			{Place: "hanoi", Station: "Văn phòng Phố cổ", Offset: 150, Points: []Point{
				{Name: "Văn phòng Long Biên", Address: "210 Nguyễn Văn Cừ, phường Long Biên, Hà Nội", Offset: -20, Dropoff: true},
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Dropoff: true},
			}},
		},
		Departures: []string{"06:30", "08:30", "11:00", "13:30", "15:30", "17:30"},
		Fare:       250000,
	},
	{
		Key: "vinhngoc-hanoi-mongcai", Operator: "vinhngoc", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Gia Lâm", Offset: 0, Points: []Point{
				{Name: "Bến xe Gia Lâm", Address: "9 Ngô Gia Khảm, phường Bồ Đề, Hà Nội", Pickup: true},
			}},
			{Place: "halong", Station: "Bến xe Bãi Cháy", Offset: 165, Points: []Point{
				{Name: "Bến xe Bãi Cháy", Address: "Quốc lộ 18, phường Bãi Cháy, Quảng Ninh", Pickup: true, Dropoff: true},
			}},
			{Place: "mongcai", Station: "Bến xe Móng Cái", Offset: 330, Points: []Point{
				{Name: "Bến xe Móng Cái", Address: "Đại lộ Hòa Bình, phường Móng Cái 1, Quảng Ninh", Dropoff: true},
			}},
		},
		Departures: []string{"06:30", "12:30"},
		Fare:       270000,
	},
	{
		Key: "caonguyenda-hanoi-hagiang", Operator: "caonguyenda", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Mỹ Đình", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Offset: -45, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Mỹ Đình", Address: "20 Phạm Hùng, phường Từ Liêm, Hà Nội", Pickup: true},
			}},
			{Place: "tuyenquang", Station: "Bến xe Tuyên Quang", Offset: 180, Points: []Point{
				{Name: "Bến xe Tuyên Quang", Address: "Quang Trung, phường Minh Xuân, Tuyên Quang", Pickup: true, Dropoff: true},
			}},
			{Place: "hagiang", Station: "Bến xe Hà Giang", Offset: 360, Points: []Point{
				{Name: "Bến xe Hà Giang", Address: "Nguyễn Trãi, phường Hà Giang 1, Tuyên Quang", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "20:00", "21:30", "22:30"},
		Fare:       280000,
	},
	{
		Key: "caonguyenda-hagiang-hanoi", Operator: "caonguyenda", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hagiang", Station: "Bến xe Hà Giang", Offset: 0, Points: []Point{
				{Name: "Bến xe Hà Giang", Address: "Nguyễn Trãi, phường Hà Giang 1, Tuyên Quang", Pickup: true},
			}},
			{Place: "tuyenquang", Station: "Bến xe Tuyên Quang", Offset: 180, Points: []Point{
				{Name: "Bến xe Tuyên Quang", Address: "Quang Trung, phường Minh Xuân, Tuyên Quang", Pickup: true, Dropoff: true},
			}},
			{Place: "hanoi", Station: "Bến xe Mỹ Đình", Offset: 360, Points: []Point{
				{Name: "Bến xe Mỹ Đình", Address: "20 Phạm Hùng, phường Từ Liêm, Hà Nội", Dropoff: true},
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Offset: 45, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"07:00", "19:30", "21:00", "22:00"},
		Fare:       280000,
	},
	{
		Key: "hathanh-hanoi-hagiang", Operator: "hathanh", Vehicle: "cabin22",
		Stops: []Stop{
			{Place: "hanoi", Station: "Văn phòng Phố cổ", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Pickup: true, Note: "Phòng chờ có nước uống miễn phí"},
			}},
			{Place: "hagiang", Station: "Bến xe Hà Giang", Offset: 360, Points: []Point{
				{Name: "Bến xe Hà Giang", Address: "Nguyễn Trãi, phường Hà Giang 1, Tuyên Quang", Dropoff: true},
			}},
		},
		Departures: []string{"21:00"},
		Fare:       450000,
	},
	{
		Key: "phadin-hanoi-dienbien", Operator: "phadin", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Mỹ Đình", Offset: 0, Points: []Point{
				{Name: "Bến xe Mỹ Đình", Address: "20 Phạm Hùng, phường Từ Liêm, Hà Nội", Pickup: true},
				{Name: "Bến xe Yên Nghĩa", Address: "Quốc lộ 6, phường Yên Nghĩa, Hà Nội", Offset: 30, Pickup: true, Note: "Đón ở cổng Bến xe Yên Nghĩa"},
			}},
			{Place: "hoabinh", Station: "Bến xe Hòa Bình", Offset: 100, Points: []Point{
				{Name: "Bến xe Hòa Bình", Address: "Trần Hưng Đạo, phường Hòa Bình, Phú Thọ", Pickup: true, Dropoff: true},
			}},
			{Place: "mocchau", Station: "Bến xe Mộc Châu", Offset: 240, Points: []Point{
				{Name: "Bến xe Mộc Châu", Address: "Quốc lộ 6, phường Mộc Châu, Sơn La", Pickup: true, Dropoff: true},
			}},
			{Place: "sonla", Station: "Bến xe Sơn La", Offset: 390, Points: []Point{
				{Name: "Bến xe Sơn La", Address: "Lê Duẩn, phường Tô Hiệu, Sơn La", Pickup: true, Dropoff: true},
			}},
			{Place: "dienbien", Station: "Bến xe khách Điện Biên Phủ", Offset: 600, Points: []Point{
				{Name: "Bến xe khách Điện Biên Phủ", Address: "Võ Nguyên Giáp, phường Điện Biên Phủ, Điện Biên", Dropoff: true},
			}},
		},
		Departures: []string{"07:00", "18:00", "19:30"},
		Fare:       400000,
	},
	{
		Key: "phadin-dienbien-hanoi", Operator: "phadin", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "dienbien", Station: "Bến xe khách Điện Biên Phủ", Offset: 0, Points: []Point{
				{Name: "Bến xe khách Điện Biên Phủ", Address: "Võ Nguyên Giáp, phường Điện Biên Phủ, Điện Biên", Pickup: true},
			}},
			{Place: "sonla", Station: "Bến xe Sơn La", Offset: 210, Points: []Point{
				{Name: "Bến xe Sơn La", Address: "Lê Duẩn, phường Tô Hiệu, Sơn La", Pickup: true, Dropoff: true},
			}},
			{Place: "mocchau", Station: "Bến xe Mộc Châu", Offset: 360, Points: []Point{
				{Name: "Bến xe Mộc Châu", Address: "Quốc lộ 6, phường Mộc Châu, Sơn La", Pickup: true, Dropoff: true},
			}},
			{Place: "hoabinh", Station: "Bến xe Hòa Bình", Offset: 500, Points: []Point{
				{Name: "Bến xe Hòa Bình", Address: "Trần Hưng Đạo, phường Hòa Bình, Phú Thọ", Pickup: true, Dropoff: true},
			}},
			{Place: "hanoi", Station: "Bến xe Mỹ Đình", Offset: 600, Points: []Point{
				{Name: "Bến xe Yên Nghĩa", Address: "Quốc lộ 6, phường Yên Nghĩa, Hà Nội", Offset: -30, Dropoff: true},
				{Name: "Bến xe Mỹ Đình", Address: "20 Phạm Hùng, phường Từ Liêm, Hà Nội", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "17:30", "19:00"},
		Fare:       400000,
	},
	{
		Key: "nonnuoc-hanoi-caobang", Operator: "nonnuoc", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Mỹ Đình", Offset: 0, Points: []Point{
				{Name: "Bến xe Mỹ Đình", Address: "20 Phạm Hùng, phường Từ Liêm, Hà Nội", Pickup: true},
			}},
			{Place: "thainguyen", Station: "Bến xe Thái Nguyên", Offset: 90, Points: []Point{
				{Name: "Bến xe Thái Nguyên", Address: "Thống Nhất, phường Phan Đình Phùng, Thái Nguyên", Pickup: true, Dropoff: true},
			}},
			{Place: "backan", Station: "Bến xe Bắc Kạn", Offset: 210, Points: []Point{
				{Name: "Bến xe Bắc Kạn", Address: "Trường Chinh, phường Bắc Kạn, Thái Nguyên", Pickup: true, Dropoff: true},
			}},
			{Place: "caobang", Station: "Bến xe Cao Bằng", Offset: 360, Points: []Point{
				{Name: "Bến xe Cao Bằng", Address: "Kim Đồng, phường Thục Phán, Cao Bằng", Dropoff: true},
			}},
		},
		Departures: []string{"08:00", "21:00", "22:30"},
		Fare:       260000,
	},
	{
		Key: "nonnuoc-caobang-hanoi", Operator: "nonnuoc", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "caobang", Station: "Bến xe Cao Bằng", Offset: 0, Points: []Point{
				{Name: "Bến xe Cao Bằng", Address: "Kim Đồng, phường Thục Phán, Cao Bằng", Pickup: true},
			}},
			{Place: "backan", Station: "Bến xe Bắc Kạn", Offset: 150, Points: []Point{
				{Name: "Bến xe Bắc Kạn", Address: "Trường Chinh, phường Bắc Kạn, Thái Nguyên", Pickup: true, Dropoff: true},
			}},
			{Place: "thainguyen", Station: "Bến xe Thái Nguyên", Offset: 270, Points: []Point{
				{Name: "Bến xe Thái Nguyên", Address: "Thống Nhất, phường Phan Đình Phùng, Thái Nguyên", Pickup: true, Dropoff: true},
			}},
			{Place: "hanoi", Station: "Bến xe Mỹ Đình", Offset: 360, Points: []Point{
				{Name: "Bến xe Mỹ Đình", Address: "20 Phạm Hùng, phường Từ Liêm, Hà Nội", Dropoff: true},
			}},
		},
		Departures: []string{"08:00", "20:30", "22:00"},
		Fare:       260000,
	},
	{
		Key: "kylua-hanoi-langson", Operator: "kylua", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Gia Lâm", Offset: 0, Points: []Point{
				{Name: "Bến xe Gia Lâm", Address: "9 Ngô Gia Khảm, phường Bồ Đề, Hà Nội", Pickup: true},
			}},
			{Place: "bacgiang", Station: "Bến xe Bắc Giang", Offset: 75, Points: []Point{
				{Name: "Bến xe Bắc Giang", Address: "Xương Giang, phường Bắc Giang, Bắc Ninh", Pickup: true, Dropoff: true},
			}},
			{Place: "langson", Station: "Bến xe phía Bắc Lạng Sơn", Offset: 165, Points: []Point{
				{Name: "Bến xe phía Bắc Lạng Sơn", Address: "Ngô Gia Tự, phường Đông Kinh, Lạng Sơn", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "09:00", "13:00", "16:00"},
		Fare:       140000,
	},
	{
		Key: "kylua-langson-hanoi", Operator: "kylua", Vehicle: "coach45",
		Stops: []Stop{
			{Place: "langson", Station: "Bến xe phía Bắc Lạng Sơn", Offset: 0, Points: []Point{
				{Name: "Bến xe phía Bắc Lạng Sơn", Address: "Ngô Gia Tự, phường Đông Kinh, Lạng Sơn", Pickup: true},
			}},
			{Place: "bacgiang", Station: "Bến xe Bắc Giang", Offset: 90, Points: []Point{
				{Name: "Bến xe Bắc Giang", Address: "Xương Giang, phường Bắc Giang, Bắc Ninh", Pickup: true, Dropoff: true},
			}},
			{Place: "hanoi", Station: "Bến xe Gia Lâm", Offset: 165, Points: []Point{
				{Name: "Bến xe Gia Lâm", Address: "9 Ngô Gia Khảm, phường Bồ Đề, Hà Nội", Dropoff: true},
			}},
		},
		Departures: []string{"06:00", "09:00", "13:00", "16:00"},
		Fare:       140000,
	},
	{
		Key: "xuyenviet-hanoi-hue", Operator: "xuyenviet", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hanoi", Station: "Bến xe Nước Ngầm", Offset: 0, Points: []Point{
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Offset: -60, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe Nước Ngầm", Address: "1 Ngọc Hồi, phường Hoàng Liệt, Hà Nội", Pickup: true},
			}},
			{Place: "thanhhoa", Station: "Bến xe phía Bắc Thanh Hóa", Offset: 165, Points: []Point{
				{Name: "Bến xe phía Bắc Thanh Hóa", Address: "Bà Triệu (Quốc lộ 1), phường Hạc Thành, Thanh Hóa", Pickup: true, Dropoff: true},
			}},
			{Place: "vinh", Station: "Bến xe Vinh", Offset: 330, Points: []Point{
				{Name: "Bến xe Vinh", Address: "77 Lê Lợi, phường Thành Vinh, Nghệ An", Pickup: true, Dropoff: true},
			}},
			{Place: "donghoi", Station: "Bến xe Đồng Hới", Offset: 570, Points: []Point{
				{Name: "Bến xe Đồng Hới", Address: "Trần Hưng Đạo, phường Đồng Hới, Quảng Trị", Pickup: true, Dropoff: true},
			}},
			{Place: "dongha", Station: "Bến xe Đông Hà", Offset: 690, Points: []Point{
				{Name: "Bến xe Đông Hà", Address: "Lê Duẩn, phường Đông Hà, Quảng Trị", Pickup: true, Dropoff: true},
			}},
			{Place: "hue", Station: "Bến xe phía Bắc Huế", Offset: 765, Points: []Point{
				{Name: "Bến xe phía Bắc Huế", Address: "Lý Thái Tổ, phường Kim Long, Huế", Dropoff: true},
				{Name: "Văn phòng Lê Lợi", Address: "44 Lê Lợi, phường Thuận Hóa, Huế", Offset: 20, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"16:00", "18:00"},
		Fare:       450000,
	},
	{
		Key: "xuyenviet-hue-hanoi", Operator: "xuyenviet", Vehicle: "sleeper40",
		Stops: []Stop{
			{Place: "hue", Station: "Bến xe phía Bắc Huế", Offset: 0, Points: []Point{
				{Name: "Văn phòng Lê Lợi", Address: "44 Lê Lợi, phường Thuận Hóa, Huế", Offset: -20, Pickup: true, Note: "Xe trung chuyển miễn phí"},
				{Name: "Bến xe phía Bắc Huế", Address: "Lý Thái Tổ, phường Kim Long, Huế", Pickup: true},
			}},
			{Place: "dongha", Station: "Bến xe Đông Hà", Offset: 75, Points: []Point{
				{Name: "Bến xe Đông Hà", Address: "Lê Duẩn, phường Đông Hà, Quảng Trị", Pickup: true, Dropoff: true},
			}},
			{Place: "donghoi", Station: "Bến xe Đồng Hới", Offset: 195, Points: []Point{
				{Name: "Bến xe Đồng Hới", Address: "Trần Hưng Đạo, phường Đồng Hới, Quảng Trị", Pickup: true, Dropoff: true},
			}},
			{Place: "vinh", Station: "Bến xe Vinh", Offset: 435, Points: []Point{
				{Name: "Bến xe Vinh", Address: "77 Lê Lợi, phường Thành Vinh, Nghệ An", Pickup: true, Dropoff: true},
			}},
			{Place: "thanhhoa", Station: "Bến xe phía Bắc Thanh Hóa", Offset: 600, Points: []Point{
				{Name: "Bến xe phía Bắc Thanh Hóa", Address: "Bà Triệu (Quốc lộ 1), phường Hạc Thành, Thanh Hóa", Pickup: true, Dropoff: true},
			}},
			{Place: "hanoi", Station: "Bến xe Nước Ngầm", Offset: 765, Points: []Point{
				{Name: "Bến xe Nước Ngầm", Address: "1 Ngọc Hồi, phường Hoàng Liệt, Hà Nội", Dropoff: true},
				{Name: "Văn phòng Phố cổ", Address: "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội", Offset: 60, Dropoff: true, Note: "Xe trung chuyển miễn phí"},
			}},
		},
		Departures: []string{"16:00", "18:00"},
		Fare:       450000,
	},
}

// Promos are the demo's promo codes. HETLUOT ("sold out") has a single use in total, so
// tests can exhaust it.
var Promos = []Promo{
	{Code: "TET2027", Percent: 10, MaxDiscount: 50000, MinOrder: 200000, PerPhone: 2, DaysValid: 120},
	{Code: "BENXE50K", Fixed: 50000, MinOrder: 300000, TotalLimit: 100, PerPhone: 1, DaysValid: 60},
	{Code: "CHAOBAN", Percent: 15, MaxDiscount: 30000, PerPhone: 1, DaysValid: 365},
	{Code: "LANGBIANG20", Percent: 20, MaxDiscount: 80000, MinOrder: 400000, Operator: "langbiang", DaysValid: 30},
	{Code: "HETLUOT", Fixed: 20000, MinOrder: 100000, TotalLimit: 1, PerPhone: 1, DaysValid: 30},
}
