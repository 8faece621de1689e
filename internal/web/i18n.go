package web

import "fmt"

// The pages speak Vietnamese first and English on request (the lang
// cookie). Every word of the pages is here, so that a translation is one
// edit; templates say {{t "key"}} and Go code tr(lang, "key").

const (
	langVI = "vi"
	langEN = "en"
)

// messages maps a key to its Vietnamese and English text; fmt verbs take
// the arguments of t/tr.
var messages = map[string][2]string{
	// layout
	"meta_description": {"Đặt vé xe khách liên tỉnh trực tuyến: so sánh nhà xe, chọn ghế, giữ chỗ và thanh toán bằng VietQR.",
		"Book intercity bus tickets in Vietnam: compare operators, pick your seat, hold it and pay by VietQR."},
	"skip_to_content": {"Bỏ qua đến nội dung chính", "Skip to main content"},
	"nav_label":       {"Điều hướng chính", "Main navigation"},
	"nav_lookup":      {"Tra cứu vé", "My booking"},
	"footer_note": {"benxe — vé xe khách liên tỉnh. Giờ hiển thị theo giờ Việt Nam (GMT+7).",
		"benxe — intercity bus tickets. Times are Vietnam time (GMT+7)."},
	"check_form":      {"Vui lòng kiểm tra lại:", "Please check the following:"},
	"optional":        {"không bắt buộc", "optional"},
	"go_home":         {"Về trang chủ", "Go to the home page"},
	"error_title":     {"Có lỗi xảy ra", "Something went wrong"},
	"not_found_title": {"Không tìm thấy", "Not found"},
	"seats_named":     {"Ghế: %s.", "Seats: %s."},

	// search form and home
	"home_title":       {"Đặt vé xe khách trực tuyến", "Book bus tickets online"},
	"home_heading":     {"Vé xe khách khắp Việt Nam", "Bus tickets across Vietnam"},
	"home_lead":        {"So sánh nhà xe, chọn ghế và đặt vé trong một phút.", "Compare operators, pick your seat and book in a minute."},
	"from":             {"Điểm đi", "From"},
	"to":               {"Điểm đến", "To"},
	"from_placeholder": {"Ví dụ: Sài Gòn", "e.g. Saigon"},
	"to_placeholder":   {"Ví dụ: Đà Lạt", "e.g. Da Lat"},
	"swap":             {"Đổi chiều điểm đi và điểm đến", "Swap origin and destination"},
	"date":             {"Ngày đi", "Date"},
	"search_button":    {"Tìm vé xe", "Find tickets"},
	"popular_routes":   {"Tuyến đường phổ biến", "Popular routes"},
	"to_word":          {"đến", "to"},
	"how_heading":      {"Đặt vé thế nào?", "How does it work?"},
	"how_1":            {"Chọn điểm đi, điểm đến, ngày đi và so sánh các chuyến xe.", "Choose where, where to and when, then compare trips."},
	"how_2": {"Chọn ghế trên sơ đồ xe; ghế được giữ cho bạn trong %d phút.",
		"Pick your seats on the bus plan; they are held for you for %d minutes."},
	"how_3": {"Nhập thông tin, chuyển khoản bằng mã VietQR hoặc trả tại quầy, nhận mã đặt chỗ.",
		"Enter your details, pay by VietQR bank transfer or at the counter, get your booking code."},
	"lookup_link": {"Đã đặt vé? Tra cứu vé của bạn", "Booked already? Find your booking"},

	// search results
	"search_title":   {"Tìm chuyến xe", "Find a trip"},
	"change_search":  {"Đổi tìm kiếm", "Change search"},
	"trips_found":    {"%d chuyến xe", "%d trips"},
	"other_days":     {"Ngày khác", "Other days"},
	"prev_day":       {"Ngày trước", "Previous day"},
	"next_day_link":  {"Ngày sau", "Next day"},
	"sort_by":        {"Sắp xếp theo", "Sort by"},
	"sort_departure": {"Giờ đi sớm nhất", "Earliest departure"},
	"sort_price":     {"Giá thấp nhất", "Lowest price"},
	"sort_rating":    {"Đánh giá cao nhất", "Best rated"},
	"filters":        {"Bộ lọc", "Filters"},
	"filters_on":     {"đang lọc", "on"},
	"operator":       {"Nhà xe", "Operator"},
	"all_operators":  {"Tất cả nhà xe", "All operators"},
	"vehicle":        {"Loại xe", "Vehicle"},
	"all_vehicles":   {"Tất cả loại xe", "All vehicles"},
	"max_price":      {"Giá tối đa", "Maximum price"},
	"any_price":      {"Mọi mức giá", "Any price"},
	"up_to":          {"Đến %s", "Up to %s"},
	"depart_time":    {"Giờ đi", "Departure time"},
	"time_any":       {"Cả ngày", "Any time"},
	"time_early":     {"Sáng sớm 00:00–06:00", "Early 00:00–06:00"},
	"time_morning":   {"Buổi sáng 06:00–12:00", "Morning 06:00–12:00"},
	"time_afternoon": {"Buổi chiều 12:00–18:00", "Afternoon 12:00–18:00"},
	"time_evening":   {"Buổi tối 18:00–24:00", "Evening 18:00–24:00"},
	"apply_filters":  {"Áp dụng", "Apply"},
	"clear_filters":  {"Bỏ lọc", "Clear filters"},
	"stars":          {"sao", "stars"},
	"price_from":     {"Từ", "From"},
	"seats_left":     {"Còn %d chỗ trống", "%d seats left"},
	"sold_out":       {"Hết chỗ", "Sold out"},
	"choose_seats":   {"Chọn ghế", "Choose seats"},
	"view_trip":      {"Xem chuyến", "View trip"},
	"next_day":       {"ngày hôm sau", "the next day"},
	"no_trips":       {"Không có chuyến xe phù hợp", "No matching trips"},
	"no_trips_hint":  {"Hãy thử ngày khác hoặc bỏ bớt bộ lọc.", "Try another day or fewer filters."},
	"try_next_day":   {"Xem ngày sau", "Try the next day"},
	"dur_h":          {"%d giờ", "%d h"},
	"dur_m":          {"%d phút", "%d min"},
	"weekday_0":      {"Chủ nhật", "Sunday"},
	"weekday_1":      {"Thứ Hai", "Monday"},
	"weekday_2":      {"Thứ Ba", "Tuesday"},
	"weekday_3":      {"Thứ Tư", "Wednesday"},
	"weekday_4":      {"Thứ Năm", "Thursday"},
	"weekday_5":      {"Thứ Sáu", "Friday"},
	"weekday_6":      {"Thứ Bảy", "Saturday"},

	// trip and seat map
	"choose_your_seats": {"Chọn ghế", "Choose your seats"},
	"seats_available":   {"Còn %d chỗ trống cho chặng này.", "%d seats free on this part of the route."},
	"legend":            {"Chú thích", "Legend"},
	"seat_available":    {"Còn trống", "Free"},
	"seat_chosen":       {"Đang chọn", "Selected"},
	"seat_held":         {"Đang giữ", "Being held"},
	"seat_sold":         {"Đã bán", "Sold"},
	"seat_blocked":      {"Không bán", "Not for sale"},
	"seat_map":          {"Sơ đồ ghế", "Seat plan"},
	"deck_lower":        {"Tầng dưới", "Lower deck"},
	"deck_upper":        {"Tầng trên", "Upper deck"},
	"front":             {"Đầu xe", "Front"},
	"no_seat_chosen":    {"Chưa chọn ghế", "No seat chosen"},
	// seats_chosen_js is filled by app.js: {seats} and {total}.
	"seats_chosen_js":     {"Ghế {seats} · {total}", "Seats {seats} · {total}"},
	"continue":            {"Tiếp tục", "Continue"},
	"pickup_points":       {"Điểm đón", "Pickup points"},
	"dropoff_points":      {"Điểm trả", "Drop-off points"},
	"route_stops":         {"Lộ trình", "Route"},
	"cancellation_policy": {"Chính sách hủy vé", "Cancellation policy"},
	"policy_note": {"Phí hủy tính trên giá vé của từng ghế, theo giờ xe khởi hành từ điểm đón của bạn.",
		"Fees are a share of each seat's fare and count from when the bus leaves your stop."},
	"policy_free":      {"Miễn phí hủy", "Free cancellation"},
	"policy_no_refund": {"Không hoàn tiền", "No refund"},
	"policy_fee":       {"Phí hủy %d%%", "Cancellation fee %d%%"},
	"policy_before":    {"%s trước %s", "%s before %s"},
	"policy_between":   {"%s từ %s đến trước %s", "%s from %s until %s"},

	// checkout
	"checkout_title":       {"Thông tin đặt vé", "Your details"},
	"checkout_heading":     {"Hoàn tất đặt vé", "Complete your booking"},
	"your_seats":           {"Ghế của bạn:", "Your seats:"},
	"held_until":           {"Ghế được giữ đến", "Seats held until"},
	"hold_over":            {"Hết thời gian giữ chỗ. Vui lòng chọn lại ghế.", "The hold is over. Please pick your seats again."},
	"pickup_point":         {"Điểm đón", "Pickup point"},
	"dropoff_point":        {"Điểm trả", "Drop-off point"},
	"contact":              {"Thông tin liên hệ", "Contact details"},
	"contact_why":          {"Nhà xe gọi số này khi cần báo đổi giờ hoặc điểm đón.", "The operator calls this number about changes to your trip."},
	"contact_name":         {"Họ và tên", "Full name"},
	"contact_phone":        {"Số điện thoại", "Phone number"},
	"phone_hint":           {"Số di động Việt Nam, ví dụ 0912345678.", "A Vietnamese mobile number, e.g. 0912345678."},
	"contact_email":        {"Email", "Email"},
	"passengers":           {"Tên hành khách", "Passenger names"},
	"passengers_why":       {"Điền nếu người đi khác người đặt.", "Fill in if someone else is travelling."},
	"passenger_seat":       {"Hành khách ghế %s", "Passenger in seat %s"},
	"payment_method":       {"Phương thức thanh toán", "Payment method"},
	"method_bank_transfer": {"Chuyển khoản ngân hàng (VietQR)", "Bank transfer (VietQR)"},
	"method_counter":       {"Thanh toán tại quầy", "Pay at the counter"},
	"method_hint_bank_transfer": {"Quét mã VietQR bằng ứng dụng ngân hàng, trong vòng %s.",
		"Scan the VietQR code with your banking app within %s."},
	"method_hint_counter": {"Trả tại quầy vé của nhà xe, chậm nhất %s trước giờ xe chạy.",
		"Pay at the operator's ticket counter at the latest %s before departure."},
	"price":           {"Giá vé", "Price"},
	"price_breakdown": {"Chi tiết giá", "Price breakdown"},
	"total":           {"Tổng cộng", "Total"},
	"promo_code":      {"Mã giảm giá", "Promo code"},
	"apply":           {"Áp dụng", "Apply"},
	"book":            {"Đặt vé", "Book"},
	"book_note": {"Bấm “Đặt vé” là bạn đồng ý với chính sách hủy vé của nhà xe.",
		"By booking you accept the operator's cancellation policy."},
	"release_hold":  {"Hủy giữ chỗ", "Release these seats"},
	"hold_expired":  {"Hết thời gian giữ chỗ, ghế đã được trả lại. Vui lòng chọn lại ghế.", "The hold has expired and the seats were released. Please pick your seats again."},
	"hold_released": {"Bạn đã hủy giữ chỗ này.", "You released this hold."},
	"hold_booked":   {"Lượt giữ chỗ này đã được đặt vé. Tra cứu vé bằng mã đặt chỗ và số điện thoại.", "These seats have already been booked. Find the booking with its code and phone number."},
	"pick_again":    {"Chọn lại ghế", "Pick seats again"},

	// booking
	"booking_title":   {"Đơn đặt vé", "Booking"},
	"booking_code":    {"Mã đặt chỗ", "Booking code"},
	"copy":            {"Sao chép", "Copy"},
	"copied":          {"Đã sao chép", "Copied"},
	"pay_before":      {"Vui lòng thanh toán trước", "Please pay before"},
	"pay_before_note": {"Quá hạn thanh toán, đơn sẽ tự hủy và ghế được trả lại.", "After the deadline the booking is cancelled and the seats released."},
	"how_to_pay":      {"Cách thanh toán", "How to pay"},
	"qr_alt": {"Mã VietQR chuyển khoản đến %s, số tiền %s, nội dung %s",
		"VietQR code for a transfer to %s of %s with the content %s"},
	"qr_caption":         {"Mở ứng dụng ngân hàng và quét mã.", "Open your banking app and scan the code."},
	"bank":               {"Ngân hàng", "Bank"},
	"account":            {"Số tài khoản", "Account number"},
	"account_name":       {"Chủ tài khoản", "Account name"},
	"amount":             {"Số tiền", "Amount"},
	"transfer_content":   {"Nội dung chuyển khoản", "Transfer content"},
	"your_trip":          {"Chuyến đi", "Your trip"},
	"seats":              {"Ghế", "Seats"},
	"cancel_booking":     {"Hủy đơn đặt vé", "Cancel this booking"},
	"cancel_confirm":     {"Hủy đơn đặt vé này? Ghế sẽ được trả lại.", "Cancel this booking? The seats will be released."},
	"cancel_unpaid_note": {"Đơn chưa thanh toán được hủy miễn phí.", "An unpaid booking is cancelled free of charge."},
	"keep_link": {"Lưu lại trang này hoặc mã đặt chỗ: bạn có thể tra cứu vé bằng mã đặt chỗ và số điện thoại.",
		"Keep this page or the booking code: you can find the booking again with its code and your phone number."},
	"status_pending_payment":       {"Chờ thanh toán", "Awaiting payment"},
	"status_awaiting_operator":     {"Chờ nhà xe xác nhận", "Awaiting the operator's confirmation"},
	"status_confirmed":             {"Đã xác nhận", "Confirmed"},
	"status_expired":               {"Đã hết hạn thanh toán", "Expired unpaid"},
	"status_cancelled":             {"Đã hủy", "Cancelled"},
	"status_cancelled_by_operator": {"Nhà xe đã hủy chuyến", "Cancelled by the operator"},
	"status_boarded":               {"Đã lên xe", "Boarded"},

	// lookup
	"lookup_title":  {"Tra cứu vé", "Find my booking"},
	"lookup_lead":   {"Nhập mã đặt chỗ và số điện thoại đã dùng khi đặt vé.", "Enter the booking code and the phone number you booked with."},
	"lookup_button": {"Tra cứu", "Find booking"},
}

// tr is the text of key in lang. A missing key shows as itself; a test
// checks that every key the pages use exists.
func tr(lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	s := pick(lang, m[0], m[1])
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}

// pick chooses between a Vietnamese and an English text.
func pick(lang, vi, en string) string {
	if lang == langEN && en != "" {
		return en
	}
	return vi
}
