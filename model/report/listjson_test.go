package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
	"github.com/dateline/dateline/model/report"
)

// TestListJSONMatchesEncoding holds the JSON and NDJSON writers to the
// bytes encoding/json writes for the same ListItems, on the built-in story
// and on text full of what JSON escapes.
func TestListJSONMatchesEncoding(t *testing.T) {
	odd := "a \"quoted\" \\ <b>&amp;</b> \t\n\r\b\f\x01\x1f \u2028\u2029 \xff\xfe caf\u00e9 \U0001F600 end"
	s := &model.Story{
		Actors: []model.Actor{{ID: "a1", Name: "Odd " + odd}, {ID: "a2", Name: "Two"}},
		Topics: []model.Topic{{ID: "t-b", Title: "B"}, {ID: "t-a", Title: "A"}},
		Events: []model.Event{
			{ID: "e1", Date: edtf.MustParse("2023-03-17"), Title: odd, Summary: odd,
				Actors: []model.Role{{Actor: "a1"}, {Actor: "a2"}}, Topics: []string{"t-b", "t-a"},
				Citations: []model.Citation{{Source: "s1", Paragraph: 3, Wording: "last Friday"}, {Source: "s2"}}},
			{ID: "e2", Title: "undated"},
			{ID: "e3", Date: edtf.MustParse("2023-03/2023-05"), Title: "range", Actors: []model.Role{{Actor: "nobody"}}},
			{ID: "e4", Date: edtf.MustParse("../2023-03"), Title: "open start"},
		},
		Statements: []model.Statement{
			{ID: "s1", Speaker: "a1", Date: edtf.MustParse("2023-03-18"), Quote: odd, Paraphrase: true,
				Stances:  model.TopicStances{{Topic: "t-b", Stance: model.StanceOpposes}, {Topic: "t-a", Stance: model.StanceSupports}, {Topic: "t-b", Stance: model.StanceNeutral}},
				ReactsTo: "e1", Citation: model.Citation{Source: "s1", Paragraph: 2}},
			{ID: "s2", Speaker: "a2", Title: "titled", Quote: "q"},
		},
	}
	big := model.NewIndex(gen.Story(gen.Config{Events: 9000, Seed: 4})) // chunks encoded side by side
	for name, ix := range map[string]*model.Index{"built-in": model.NewIndex(loadBuiltIn(t)), "odd": model.NewIndex(s), "generated": big} {
		for _, rows := range [][]int32{ix.Query(model.Filter{}), {}} {
			items := make([]report.ListItem, len(rows))
			var wantND bytes.Buffer
			for i, p := range rows {
				items[i] = report.ListItemAt(ix, int(p))
				if err := json.NewEncoder(&wantND).Encode(items[i]); err != nil {
					t.Fatal(err)
				}
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			if err := enc.Encode(items); err != nil {
				t.Fatal(err)
			}
			var got, gotND bytes.Buffer
			if err := report.WriteListJSON(&got, ix, rows); err != nil {
				t.Fatal(err)
			}
			if err := report.WriteListNDJSON(&gotND, ix, rows); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%s, %d rows: JSON differs from encoding/json's:\n%s\nwant:\n%s", name, len(rows), got.String(), want.String())
			}
			if !bytes.Equal(gotND.Bytes(), wantND.Bytes()) {
				t.Errorf("%s, %d rows: NDJSON differs from encoding/json's:\n%s\nwant:\n%s", name, len(rows), gotND.String(), wantND.String())
			}
		}
	}
}

// failAfter fails every write once n bytes have been written.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestListJSONStopsAtAWriteError: a failed write ends the list with its
// error, however many chunks are being encoded.
func TestListJSONStopsAtAWriteError(t *testing.T) {
	ix := model.NewIndex(gen.Story(gen.Config{Events: 20000, Seed: 4}))
	rows := ix.Query(model.Filter{})
	for _, write := range []func(io.Writer, *model.Index, []int32) error{report.WriteListJSON, report.WriteListNDJSON} {
		if err := write(&failAfter{n: 3 << 20}, ix, rows); err == nil || err.Error() != "disk full" {
			t.Errorf("got %v, want the write's error", err)
		}
	}
}
