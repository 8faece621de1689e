package web

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/benxe/benxe/internal/vn"
)

// A search answers with up to 200 trips, and encoding them by reflection
// was the largest part of a search's CPU once the catalog was cached
// (docs/benchmarks.md). These functions write the same bytes as
// encoding/json with HTML escaping off — TestTripHitsJSON and
// FuzzTripHitsJSON hold them to it — so the structs in views.go stay the
// one description of the JSON (and of the OpenAPI schemas).

// appendTripHits writes hits as json.Encoder.Encode does, newline included.
func appendTripHits(b []byte, hits []tripHitJSON) []byte {
	b = append(b, '[')
	for i := range hits {
		if i > 0 {
			b = append(b, ',')
		}
		b = hits[i].appendJSON(b)
	}
	return append(b, "]\n"...)
}

func (h *tripHitJSON) appendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, h.ID, 10)
	b = append(b, `,"operator":`...)
	b = h.Operator.appendJSON(b)
	b = append(b, `,"vehicle":`...)
	b = appendJSONString(b, h.Vehicle)
	b = append(b, `,"vehicle_name":`...)
	b = appendJSONString(b, h.VehicleName)
	b = append(b, `,"departure_time":`...)
	b = h.DepartureTime.appendJSON(b)
	b = append(b, `,"arrival_time":`...)
	b = h.ArrivalTime.appendJSON(b)
	b = append(b, `,"from_stop":`...)
	b = h.FromStop.appendJSON(b)
	b = append(b, `,"to_stop":`...)
	b = h.ToStop.appendJSON(b)
	b = append(b, `,"price_from":`...)
	b = strconv.AppendInt(b, h.PriceFrom, 10)
	b = append(b, `,"seats_available":`...)
	b = strconv.AppendInt(b, int64(h.SeatsAvailable), 10)
	return append(b, '}')
}

func (o *operatorJSON) appendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, o.ID, 10)
	b = append(b, `,"name":`...)
	b = appendJSONString(b, o.Name)
	b = append(b, `,"rating":`...)
	// A rating is 0–5: encoding/json writes such floats in 'f' form.
	b = strconv.AppendFloat(b, o.Rating, 'f', -1, 64)
	if o.Phone != "" {
		b = append(b, `,"phone":`...)
		b = appendJSONString(b, o.Phone)
	}
	return append(b, '}')
}

func (s *stopJSON) appendJSON(b []byte) []byte {
	b = append(b, `{"index":`...)
	b = strconv.AppendInt(b, int64(s.Index), 10)
	b = append(b, `,"place_id":`...)
	b = strconv.AppendInt(b, s.PlaceID, 10)
	b = append(b, `,"name":`...)
	b = appendJSONString(b, s.Name)
	if s.Place != "" {
		b = append(b, `,"place":`...)
		b = appendJSONString(b, s.Place)
	}
	if s.Time != nil {
		b = append(b, `,"time":`...)
		b = s.Time.appendJSON(b)
	}
	return append(b, '}')
}

func (t rfc3339) appendJSON(b []byte) []byte {
	b = append(b, '"')
	b = time.Time(t).In(vn.Zone).AppendFormat(b, time.RFC3339)
	return append(b, '"')
}

// appendJSONString quotes s as encoding/json does without HTML escaping:
// quote, backslash and control characters escaped, invalid UTF-8 as
// U+FFFD, and U+2028 and U+2029 escaped for JavaScript's sake.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
