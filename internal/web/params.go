package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// How far ahead trips can be searched, and how many a search returns.
const (
	searchHorizonDays = 180
	searchLimit       = 200
)

func intParam(v url.Values, name string, min, max int64) (int64, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < min || n > max {
		return 0, apperr.Field(name, "invalid_number",
			"Giá trị "+name+" phải là số nguyên từ "+strconv.FormatInt(min, 10)+" đến "+strconv.FormatInt(max, 10)+".",
			name+" must be a whole number from "+strconv.FormatInt(min, 10)+" to "+strconv.FormatInt(max, 10)+".")
	}
	return n, nil
}

func requiredID(v url.Values, name, vi, en string) (int64, error) {
	if strings.TrimSpace(v.Get(name)) == "" {
		return 0, apperr.Field(name, "required", vi, en)
	}
	return intParam(v, name, 1, 1<<53)
}

func clockParam(v url.Values, name string) (time.Duration, error) {
	s := v.Get(name)
	if s == "" {
		return 0, nil
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, apperr.Field(name, "invalid_time", name+" phải có dạng GG:PP, ví dụ 07:30.", name+" must look like HH:MM, e.g. 07:30.")
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

// parseDate reads a travel date: a Vietnam calendar day from today on.
func parseDate(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, apperr.Field("date", "required", "Vui lòng chọn ngày đi.", "Please choose a travel date.")
	}
	d, err := vn.ParseDate(s)
	if err != nil {
		return d, apperr.Field("date", "invalid_date", "Ngày đi phải có dạng YYYY-MM-DD.", "date must look like YYYY-MM-DD.")
	}
	n := now.In(vn.Zone)
	today := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, vn.Zone)
	if d.Before(today) {
		return d, apperr.Field("date", "date_in_past", "Ngày đi đã qua.", "The travel date is in the past.")
	}
	if d.After(today.AddDate(0, 0, searchHorizonDays)) {
		return d, apperr.Field("date", "date_too_far", "Chỉ bán vé trong vòng 180 ngày tới.", "Tickets are sold up to 180 days ahead.")
	}
	return d, nil
}

// tripQuery reads the search parameters of API.md; from and to are place
// ids already resolved by the caller.
func (s *Server) tripQuery(v url.Values, from, to int64) (store.TripQuery, error) {
	q := store.TripQuery{From: from, To: to, Now: s.Now(), Limit: searchLimit, Vehicle: v.Get("vehicle"), Sort: v.Get("sort")}
	if from == to {
		return q, apperr.Field("to", "same_place", "Điểm đến phải khác điểm đi.", "The destination must differ from the origin.")
	}
	var err error
	if q.Day, err = parseDate(v.Get("date"), q.Now); err != nil {
		return q, err
	}
	if q.OperatorID, err = intParam(v, "operator", 1, 1<<53); err != nil {
		return q, err
	}
	if _, ok := catalog.VehicleNames[q.Vehicle]; q.Vehicle != "" && !ok {
		return q, apperr.Field("vehicle", "invalid_vehicle", "Loại xe không hợp lệ.", "Unknown vehicle kind.")
	}
	if q.DepartAfter, err = clockParam(v, "depart_after"); err != nil {
		return q, err
	}
	if q.DepartBefore, err = clockParam(v, "depart_before"); err != nil {
		return q, err
	}
	if q.MinPrice, err = intParam(v, "min_price", 0, 100_000_000); err != nil {
		return q, err
	}
	if q.MaxPrice, err = intParam(v, "max_price", 0, 100_000_000); err != nil {
		return q, err
	}
	if q.MaxPrice > 0 && q.MinPrice > q.MaxPrice {
		return q, apperr.Field("max_price", "invalid_range", "Giá tối đa phải lớn hơn giá tối thiểu.", "max_price must not be below min_price.")
	}
	switch q.Sort {
	case "", "departure", "price", "rating":
	default:
		return q, apperr.Field("sort", "invalid_sort", "Cách sắp xếp phải là departure, price hoặc rating.", "sort must be departure, price or rating.")
	}
	return q, nil
}

// segment reads from/to stop indexes for a trip; absent, they mean the
// whole route.
func segment(v url.Values, trip catalog.Trip) (int, int, error) {
	n := int64(len(trip.Stops))
	from, err := intParam(v, "from", 0, n-1)
	if err != nil {
		return 0, 0, err
	}
	to := n - 1
	if v.Get("to") != "" {
		if to, err = intParam(v, "to", 0, n-1); err != nil {
			return 0, 0, err
		}
	}
	return int(from), int(to), trip.Segment(int(from), int(to))
}
