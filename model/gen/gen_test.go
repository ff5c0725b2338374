package gen

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
)

func generate(t testing.TB, cfg Config, f Format) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, cfg, f); err != nil {
		t.Fatalf("Write %s: %v", f, err)
	}
	return b.Bytes()
}

// The native formats load with no problem at all, and hold what was asked.
func TestGeneratedStoriesLoad(t *testing.T) {
	cfg := Config{Events: 1000, Seed: 7}
	for _, f := range []Format{YAML, JSON} {
		t.Run(string(f), func(t *testing.T) {
			data := generate(t, cfg, f)
			s, warns, err := model.Load("gen."+string(f), data)
			if err != nil || len(warns) > 0 {
				t.Fatalf("Load: %v (warnings %v)", err, warns)
			}
			if len(s.Events) != cfg.Events || len(s.Statements) != cfg.Statements() {
				t.Fatalf("%d events and %d statements, want %d and %d", len(s.Events), len(s.Statements), cfg.Events, cfg.Statements())
			}
			if n := len(s.Topics); n < 3 || n > 10 {
				t.Errorf("%d topics, want 3 to 10", n)
			}
			if len(s.Positions) == 0 {
				t.Error("no positions")
			}
			perEvent := len(generate(t, cfg, JSON)) / cfg.Events
			if perEvent < 450 || perEvent > 800 {
				t.Errorf("%d bytes an event as JSON, want about 600", perEvent)
			}
		})
	}
}

// The same seed gives the same bytes; another seed another story; and
// every format holds the same events.
func TestGenerateIsReproducible(t *testing.T) {
	for _, f := range Formats {
		a := generate(t, Config{Events: 300, Seed: 1}, f)
		b := generate(t, Config{Events: 300, Seed: 1}, f)
		c := generate(t, Config{Events: 300, Seed: 2}, f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the same seed gave different bytes", f)
		}
		if bytes.Equal(a, c) {
			t.Errorf("%s: seeds 1 and 2 gave the same bytes", f)
		}
	}
	yaml, _, err := model.Load("a.yaml", generate(t, Config{Events: 300, Seed: 1}, YAML))
	if err != nil {
		t.Fatal(err)
	}
	json, _, err := model.Load("a.json", generate(t, Config{Events: 300, Seed: 1}, JSON))
	if err != nil {
		t.Fatal(err)
	}
	for i := range yaml.Events {
		if yaml.Events[i].Title != json.Events[i].Title || yaml.Events[i].Summary != json.Events[i].Summary {
			t.Fatalf("event %d differs between YAML and JSON", i)
		}
	}
}

// Actors are Zipf-skewed: the busiest few take part in most events.
func TestActorsAreSkewed(t *testing.T) {
	s, _, err := model.Load("a.json", generate(t, Config{Events: 5000, Seed: 3}, JSON))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range s.Events {
		for _, r := range e.Actors {
			count[r.Actor]++
		}
	}
	top := 0
	for _, n := range count {
		top = max(top, n)
	}
	if top < len(s.Events)/10 {
		t.Errorf("the busiest actor is in %d of %d events; want a skew", top, len(s.Events))
	}
	parents := 0
	for _, a := range s.Actors {
		if a.Parent != "" {
			parents++
		}
	}
	if parents < len(s.Actors)/3 {
		t.Errorf("only %d of %d actors have a parent", parents, len(s.Actors))
	}
}

func TestCSVHasACLEDColumns(t *testing.T) {
	data := string(generate(t, Config{Events: 10, Seed: 1}, CSV))
	header, _, _ := strings.Cut(data, "\n")
	for _, col := range []string{"event_id_cnty", "event_date", "event_type", "actor1", "notes", "time_precision"} {
		if !strings.Contains(header, col) {
			t.Errorf("header lacks %s: %s", col, header)
		}
	}
	if n := strings.Count(data, "\n"); n != 11 {
		t.Errorf("%d lines, want a header and 10 rows", n)
	}
}

// Story holds the same story as the files.
func TestStoryMatchesTheFile(t *testing.T) {
	cfg := Config{Events: 500, Seed: 9}
	fromFile, _, err := model.Load("s.json", generate(t, cfg, JSON))
	if err != nil {
		t.Fatal(err)
	}
	inMemory := Story(cfg)
	if ps := model.Validate("memory", inMemory); len(ps) > 0 {
		t.Fatalf("Validate: %v", ps)
	}
	if !reflect.DeepEqual(fromFile, inMemory) {
		t.Error("Story differs from the story Write writes")
	}
}
