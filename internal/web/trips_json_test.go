package web

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"
)

// encodingJSON is what encode writes for v.
func encodingJSON(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func randomHit(rng *rand.Rand, name string) tripHitJSON {
	at := rfc3339(time.UnixMilli(rng.Int64N(4e12)))
	h := tripHitJSON{ID: rng.Int64(), Operator: operatorJSON{ID: rng.Int64N(1e6), Name: name, Rating: float64(rng.IntN(51)) / 10},
		Vehicle: "sleeper40", VehicleName: name, DepartureTime: at, ArrivalTime: at,
		FromStop:  stopJSON{Index: rng.IntN(9), PlaceID: rng.Int64N(1e4), Name: name},
		ToStop:    stopJSON{Index: rng.IntN(9), PlaceID: rng.Int64N(1e4), Name: "Bến xe Miền Đông", Place: name, Time: &at},
		PriceFrom: rng.Int64N(2e6), SeatsAvailable: rng.IntN(46)}
	if rng.IntN(2) == 0 {
		h.Operator.Phone = name
	}
	return h
}

func TestTripHitsJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"", "Phương Trang", `say "hi" \ back`, "tab\tnew\nline\r\b\f\x00\x1f", "<b>&amp;</b>",
		"\u2028\u2029", "bad \xff\xfe utf8 \xc3", "Đà Lạt – Sài Gòn 🚌"}
	for _, n := range []int{0, 1, 200} {
		var hits []tripHitJSON
		for i := 0; i < n; i++ {
			hits = append(hits, randomHit(rng, names[i%len(names)]))
		}
		want := encodingJSON(t, append([]tripHitJSON{}, hits...))
		if got := appendTripHits(nil, hits); !bytes.Equal(got, want) {
			t.Errorf("%d hits:\n got %s\nwant %s", n, got, want)
		}
	}
}

func FuzzTripHitsJSON(f *testing.F) {
	f.Add("Nhà xe Hoa Mai", "Bến xe \"Mỹ Đình\"", int64(7), 45)
	f.Add("\xed\xa0\x80", "\u2028\x7f", int64(-1), 0)
	f.Fuzz(func(t *testing.T, name, stop string, id int64, rating int) {
		rng := rand.New(rand.NewPCG(uint64(id), 3))
		h := randomHit(rng, name)
		h.ID, h.FromStop.Name, h.Operator.Rating = id, stop, float64(rating%51)/10
		want := encodingJSON(t, []tripHitJSON{h})
		if got := appendTripHits(nil, []tripHitJSON{h}); !bytes.Equal(got, want) {
			t.Errorf("got %s\nwant %s", got, want)
		}
	})
}
