package timelinejs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/dateline/dateline/model"
)

// TestYearsBeforeTheEra: one rule at every scale. A TimelineJS year -N is
// N BC (no year zero), which EDTF, counting 0000 as 1 BC, writes 1-N; and
// export gives the year back.
func TestYearsBeforeTheEra(t *testing.T) {
	for _, tc := range []struct {
		year    int64
		edtf    string
		display string
	}{
		{-1, "0000", "1 BC"},
		{-44, "-0043", "44 BC"},
		{-3500, "-3499", "3500 BC"},
		{-10000, "-9999", "10,000 BC"},
		{-10001, "Y-10000", "10,001 BC"},
		{-315000, "Y-314999", "315,000 BC"},
		{-13800000000, "Y-13799999999", "13.8 billion years ago"},
		{1, "0001", "AD 1"},
	} {
		src := fmt.Sprintf(`{"scale": "cosmological", "events": [{"start_date": {"year": %d}, "unique_id": "x", "text": {"headline": "X"}}]}`, tc.year)
		s, _, err := Import("y.json", []byte(src))
		if err != nil {
			t.Fatalf("%d: %v", tc.year, err)
		}
		d := s.Events[0].Date
		if d.String() != tc.edtf || d.Display() != tc.display {
			t.Errorf("year %d: EDTF %s shown %q; want %s shown %q", tc.year, d, d.Display(), tc.edtf, tc.display)
		}
		var b bytes.Buffer
		if _, err := Export(&b, model.NewIndex(s), nil); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Events []struct {
				StartDate struct{ Year int64 } `json:"start_date"`
			}
		}
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil || len(doc.Events) != 1 || doc.Events[0].StartDate.Year != tc.year {
			t.Errorf("year %d exports as %s", tc.year, b.String())
		}
	}
}
