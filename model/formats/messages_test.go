package formats

import (
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/acled"
)

// TestInputMessages: files dateline cannot read are named for what they
// are, with what to do, whether the format is told or forced.
func TestInputMessages(t *testing.T) {
	tl2 := `{"timeline": {"headline": "Old", "type": "default", "text": "<p>a<\/p>", "date": [{"startDate": "2011,12,10", "headline": "x"}]}}`
	semicolons := "event_id_cnty;event_date;event_type;actor1\nX1;2023-03-17;Riots;A\n"
	for _, tc := range []struct {
		name, src string
		from      Format
		want      []string
	}{
		{"timelinejs 2", tl2, Auto, []string{"TimelineJS 2", "does not read", "TimelineJS 3"}},
		{"timelinejs 2, cut short", tl2[:60], Auto, []string{"TimelineJS 2"}},
		{"semicolons as acled", semicolons, ACLED, []string{"separated by semicolons", "with commas"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Load("f", []byte(tc.src), tc.from)
			if err == nil {
				t.Fatal("loaded")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%v\nlacks %q", err, w)
				}
			}
		})
	}
	// The importer itself says so too.
	// Told from the content, a table separated by semicolons opens as any
	// table with a date column does (issue 15).
	if s, _, err := Load("f", []byte(semicolons), Auto); err != nil || len(s.Events) != 1 {
		t.Errorf("a semicolon table with a date column: %v", err)
	}
	_, _, err := acled.Import("f", strings.NewReader(semicolons))
	if err == nil || !strings.Contains(err.Error(), "semicolons") {
		t.Errorf("acled.Import: %v", err)
	}
}

// TestMergeClashWording: the clash warning names the earlier thing, also
// when it is a renamed one or has no name.
func TestMergeClashWording(t *testing.T) {
	a := &model.Story{Actors: []model.Actor{{ID: "x", Name: "Xi", Kind: model.KindPerson}, {ID: "n", Kind: model.KindPerson}}}
	b := &model.Story{Actors: []model.Actor{{ID: "x", Name: "Other", Kind: model.KindPerson}, {ID: "n", Name: "Named", Kind: model.KindPerson}}}
	c := &model.Story{Actors: []model.Actor{{ID: "b.x", Name: "Third", Kind: model.KindPerson}}}
	_, warns := Merge([]string{"a.yaml", "b.yaml", "c.yaml"}, []*model.Story{a, b, c})
	var got []string
	for _, w := range warns {
		got = append(got, w.Msg)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{`(an actor "Xi" there)`, `(an actor with no name there)`, `is also used in b.yaml (an actor "Other" there)`} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "  ") {
		t.Errorf("a double space:\n%s", all)
	}
}
