package timelinejs

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
)

// TestExportNamesStartless: Export says which items it wrote without the
// start_date TimelineJS needs (issue 10), and only those.
func TestExportNamesStartless(t *testing.T) {
	cases := []struct {
		date      string // "" for undated
		startless bool
	}{
		{"", true},
		{"2023-03-17", false},
		{"../2023-01", false},
		{"2023-01/..", false},
		{"Y-13800000000", false},
		{"-0043-03-15", false},
	}
	s := &model.Story{Actors: []model.Actor{{ID: "sp", Name: "Sp", Kind: "person"}}}
	var want []string
	for i, c := range cases {
		var d edtf.Date
		if c.date != "" {
			d = mustDate(t, c.date)
		}
		id := "e" + string(rune('a'+i))
		s.Events = append(s.Events, model.Event{ID: id, Date: d, Title: "t"})
		s.Statements = append(s.Statements, model.Statement{ID: "s" + id, Date: d, Speaker: "sp", Quote: "q"})
		if c.startless {
			want = append(want, id, "s"+id)
		}
	}
	var b bytes.Buffer
	got, err := Export(&b, model.NewIndex(s), nil)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Events []map[string]any }
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var none []string
	for _, e := range doc.Events {
		if e["start_date"] == nil {
			none = append(none, e["unique_id"].(string))
		}
	}
	slices.Sort(got)
	slices.Sort(none)
	slices.Sort(want)
	if !slices.Equal(got, want) || !slices.Equal(none, want) {
		t.Errorf("Export names %v as written without start_date; the JSON has %v; want %v", got, none, want)
	}
}
