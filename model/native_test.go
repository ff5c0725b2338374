package model_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
)

func loadBuiltIn(t testing.TB) *model.Story {
	t.Helper()
	s, _, err := model.Load(content.StoryName, content.Story())
	if err != nil {
		t.Fatalf("built-in story: %v", err)
	}
	return s
}

// TestWriteNativeRoundTrip writes the built-in story as YAML and as JSON and
// loads each back: the story must be the same in every field.
func TestWriteNativeRoundTrip(t *testing.T) {
	want := loadBuiltIn(t)
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, *model.Story) error
	}{
		{"story.yaml", func(b *bytes.Buffer, s *model.Story) error { return model.WriteYAML(b, s) }},
		{"story.json", func(b *bytes.Buffer, s *model.Story) error { return model.WriteJSON(b, s) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b, want); err != nil {
				t.Fatal(err)
			}
			got, warns, err := model.Load(tc.name, b.Bytes())
			if err != nil {
				t.Fatalf("loading what was written: %v\n%s", err, b.String())
			}
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the story read back differs from the one written:\n%s", b.String())
			}
		})
	}
}

func TestWriteJSONShape(t *testing.T) {
	s := &model.Story{
		Title:  "T",
		Actors: []model.Actor{{ID: "a", Name: "A", Kind: model.KindPerson}},
		Topics: []model.Topic{{ID: "z", Title: "Z"}, {ID: "b", Title: "B"}},
		Statements: []model.Statement{{ID: "s1", Speaker: "a", Quote: "q <b>&",
			Date:    mustDate(t, "2023-03-17"),
			Stances: []model.TopicStance{{Topic: "z", Stance: model.StanceOpposes}, {Topic: "b", Stance: model.StanceSupports}}}},
	}
	var b bytes.Buffer
	if err := model.WriteJSON(&b, s); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// Stances are a mapping in the story's order; dates are EDTF strings;
	// nothing is HTML-escaped.
	for _, want := range []string{`"z": "opposes"`, `"b": "supports"`, `"date": "2023-03-17"`, `"quote": "q <b>&"`} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %s:\n%s", want, out)
		}
	}
	if strings.Index(out, `"z": "opposes"`) > strings.Index(out, `"b": "supports"`) {
		t.Errorf("stances are not in the story's order:\n%s", out)
	}
	if strings.Contains(out, `"citation"`) || strings.Contains(out, `"events"`) {
		t.Errorf("empty fields are written:\n%s", out)
	}
	var v map[string]any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	b.Reset()
	if err := model.WriteYAML(&b, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "stances: {z: opposes, b: supports}") {
		t.Errorf("YAML stances:\n%s", b.String())
	}
}

func mustDate(t testing.TB, s string) edtf.Date {
	t.Helper()
	d, err := edtf.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSubset(t *testing.T) {
	s := loadBuiltIn(t)
	ix := model.NewIndex(s)
	if got := ix.Subset(ix.Query(model.Filter{})); got != s {
		t.Errorf("Subset of every row is not the story itself")
	}
	if len(s.Actors) == 0 || len(s.Topics) == 0 {
		t.Fatal("the built-in story has no actors or topics")
	}
	for _, a := range s.Actors {
		for _, tp := range s.Topics {
			f := model.Filter{Actors: []string{a.ID}, Topics: []string{tp.ID}}
			rows := ix.Query(f)
			sub := ix.Subset(rows)
			if ps := model.Validate("subset", sub); len(ps) > 0 {
				t.Fatalf("subset for %s × %s is invalid: %v", a.ID, tp.ID, ps)
			}
			if n := len(sub.Events) + len(sub.Statements); n != len(rows) {
				t.Errorf("subset for %s × %s has %d items, the query %d", a.ID, tp.ID, n, len(rows))
			}
			// The subset's own timeline is the filtered one.
			six := model.NewIndex(sub)
			for i := range six.Len() {
				if six.At(i).ID() != ix.At(int(rows[i])).ID() {
					t.Fatalf("subset for %s × %s: item %d is %s, want %s", a.ID, tp.ID, i, six.At(i).ID(), ix.At(int(rows[i])).ID())
				}
			}
		}
	}
}

func TestTopicStancesJSON(t *testing.T) {
	in := model.TopicStances{{"visit", model.StanceSupports}, {"warrant", model.StanceOpposes}}
	data, err := json.Marshal(in)
	if err != nil || string(data) != `{"visit":"supports","warrant":"opposes"}` {
		t.Fatalf("marshal = %s, %v", data, err)
	}
	var out model.TopicStances
	if err := json.Unmarshal(data, &out); err != nil || !slices.Equal(out, in) {
		t.Errorf("unmarshal = %v, %v; want %v", out, err, in)
	}
}

// TestWriteJSONMatchesEncoding holds the streaming WriteJSON to the bytes
// encoding/json writes for the whole story at once.
func TestWriteJSONMatchesEncoding(t *testing.T) {
	built := loadBuiltIn(t)
	odd := "<b>&</b> \"q\" \\ \t\u2028 \xff caf\u00e9"
	for name, s := range map[string]*model.Story{
		"built-in":  built,
		"generated": gen.Story(gen.Config{Events: 5000, Seed: 3}), // chunks encoded side by side
		"empty":     {},
		"title":     {Title: odd},
		"events":    {Events: []model.Event{{ID: "e1", Title: odd}}},
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := model.WriteJSON(&got, s); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: WriteJSON differs from encoding/json's:\n%s\nwant:\n%s", name, got.String(), want.String())
		}
	}
}
