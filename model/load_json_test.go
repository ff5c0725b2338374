package model_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/gen"
)

func genBytes(t testing.TB, cfg gen.Config, f gen.Format) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gen.Write(&b, cfg, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// loadBoth loads data with the fast path and with the YAML-node loader
// alone, and fails unless they agree on the story and on every problem.
func loadBoth(t *testing.T, what string, data []byte) (*model.Story, error) {
	t.Helper()
	fast, fastWarns, fastErr := model.Load("s.json", data)
	restore := model.SetFastPath(false)
	slow, slowWarns, slowErr := model.Load("s.json", data)
	restore()
	if fmt.Sprint(fastErr) != fmt.Sprint(slowErr) || fmt.Sprint(fastWarns) != fmt.Sprint(slowWarns) {
		t.Fatalf("%s: fast path says %v (warnings %v), the YAML loader %v (warnings %v)\n%s", what, fastErr, fastWarns, slowErr, slowWarns, data)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("%s: the fast path and the YAML loader read different stories\n%s", what, data)
	}
	return fast, fastErr
}

func TestFastPathMatchesYAMLLoader(t *testing.T) {
	data := genBytes(t, gen.Config{Events: 300, Seed: 4}, gen.JSON)
	if _, err := loadBoth(t, "generated", data); err != nil {
		t.Fatal(err)
	}
	// Compact, and with white space where YAML is particular about it.
	compact := bytes.ReplaceAll(data, []byte("\n"), nil)
	loadBoth(t, "one line", compact)
	loadBoth(t, "tabs", bytes.ReplaceAll(data, []byte("\n    "), []byte("\n\t")))
	loadBoth(t, "CRLF", bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")))
	for _, src := range []string{
		`{}`, `{"title": null}`, `{"events": []}`, `{"events": null}`, `{"title": 1}`,
		`{"title": "a\u0085b"}`, "{\"title\": \"a\u2028b\"}", `{"title": "\ud83d\ude00"}`, `{"title": "é\u00e9\/"}`,
		"{\"title\": \"a\xc2\x85b\"}", "{\"title\": \"bad \xff byte\"}", `{"title": "T", "title": "U"}`,
		"{\"title\"\n: \"T\"}", `{"title": "x"} trailing`, `{"title": "x"}{"title": "y"}`,
		`{"actors": [{"id": "a", "name": "A", "kind": "person", "parent": "a"}]}`,
		`{"actors": [{"id": "a", "name": "A", "kind": "person"}], "statements": [{"id": "s", "speaker": "a", "quote": "q", "stances": {}}]}`,
		`{"topics": [{"id": "t", "title": "T"}], "actors": [{"id": "a", "name": "A", "kind": "person"}], "statements": [{"id": "s", "speaker": "a", "quote": "q", "stances": {"t": null}}]}`,
		`{"sources": [{"id": "s1"}], "events": [{"id": "e", "title": "E", "citations": [{"source": "s1", "paragraph": 1.0}]}]}`,
		`{"sources": [{"id": "s1"}], "events": [{"id": "e", "title": "E", "citations": [{"source": "s1", "paragraph": 1}]}]}`,
		`{"sources": [{"id": "s1"}], "events": [{"id": "e", "title": "E", "citations": [{"source": "s1", "paragraph": -0}]}]}`,
		`{"events": [{"id": "e", "title": "E", "date": ""}]}`, `{"events": [{"id": "e", "title": "E", "date": 2014}]}`,
		`{"events": [{"id": "e", "title": "E", "date": " 2014-03 "}]}`, `{"events": [{"id": "E", "title": "E"}]}`,
		`{"events": [{"id": "e", "title": "E", "topics": [null]}]}`, `{"events": [{"id": "e", "title": "E", "actors": []}]}`,
	} {
		loadBoth(t, src, []byte(src))
	}
}

// Random damage to a generated story: whatever the fast path accepts, the
// YAML loader reads the same; whatever it refuses, the messages are the
// YAML loader's.
func TestFastPathUnderDamage(t *testing.T) {
	base := string(genBytes(t, gen.Config{Events: 20, Actors: 12, Seed: 5}, gen.JSON))
	r := rand.New(rand.NewPCG(1, 2))
	edits := []func(s string) string{
		func(s string) string { i := r.IntN(len(s)); return s[:i] + s[i+1:] },
		func(s string) string {
			i := r.IntN(len(s))
			return s[:i] + string("\"{}[],:\\ ax\t\u0085"[r.IntN(14)]) + s[i:]
		},
		func(s string) string { return strings.Replace(s, `"actor":"`, `"actor":"x`, 1) },
		func(s string) string { return strings.Replace(s, `"title":"`, `"title":"\u001b[31m`, 1+r.IntN(3)) },
		func(s string) string { return strings.Replace(s, `"stance":"`, `"stance":"opposed`, 1) },
		func(s string) string { return strings.Replace(s, `"kind":"`, `"kind":"p`, 1) },
		func(s string) string { return strings.Replace(s, `{"id":"ev-2"`, `{"id":"ev-1"`, 1) },
		func(s string) string { return strings.Replace(s, `"summary":`, `"title":"again","summary":`, 1) },
		func(s string) string { return strings.Replace(s, `"date":"`, `"date":"20`, 1) },
		func(s string) string { return strings.Replace(s, `"evidence":["`, `"evidence":["x`, 1) },
		func(s string) string { return strings.Replace(s, `"parent":"`, `"parent":"group-`, 1) },
		func(s string) string { return strings.Replace(s, `"reacts_to":"ev-`, `"reacts_to":"st-`, 1) },
		func(s string) string { return strings.Replace(s, `"paragraph":`, `"paragraph":-`, 1) },
		func(s string) string { return strings.Replace(s, `"quote":"`, `"quote":"","x":"`, 1) },
	}
	for i := range 400 {
		s := base
		for range 1 + r.IntN(2) {
			s = edits[r.IntN(len(edits))](s)
		}
		loadBoth(t, fmt.Sprintf("damage %d", i), []byte(s))
	}
}

// quickValid agrees with validate on stories broken in every way it checks.
func TestQuickValidAgreesWithValidate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	breaks := []func(s *model.Story){
		func(s *model.Story) { s.Actors[r.IntN(len(s.Actors))].ID = "" },
		func(s *model.Story) { s.Actors[r.IntN(len(s.Actors))].ID = "Bad Id" },
		func(s *model.Story) { s.Actors[r.IntN(len(s.Actors))].Name = "" },
		func(s *model.Story) { s.Actors[r.IntN(len(s.Actors))].Kind = "army" },
		func(s *model.Story) { a := &s.Actors[r.IntN(len(s.Actors))]; a.Parent = a.ID },
		func(s *model.Story) { s.Actors[0].Parent, s.Actors[1].Parent = s.Actors[1].ID, s.Actors[0].ID },
		func(s *model.Story) { s.Actors[r.IntN(len(s.Actors))].Parent = "nobody" },
		func(s *model.Story) { s.Topics[r.IntN(len(s.Topics))].Title = "" },
		func(s *model.Story) { s.Topics[0].ID = s.Events[r.IntN(len(s.Events))].ID },
		func(s *model.Story) { s.Events[r.IntN(len(s.Events))].ID = s.Statements[0].ID },
		func(s *model.Story) { s.Events[r.IntN(len(s.Events))].Title = "" },
		func(s *model.Story) { s.Events[r.IntN(len(s.Events))].Actors[0].Actor = s.Topics[0].ID },
		func(s *model.Story) { e := &s.Events[r.IntN(len(s.Events))]; e.Topics = append(e.Topics, "nope") },
		func(s *model.Story) { s.Events[r.IntN(len(s.Events))].Citations[0].Paragraph = -1 },
		func(s *model.Story) { s.Events[r.IntN(len(s.Events))].Citations[0].Source = s.Actors[0].ID },
		func(s *model.Story) { s.Statements[r.IntN(len(s.Statements))].Speaker = "" },
		func(s *model.Story) { s.Statements[r.IntN(len(s.Statements))].Quote = "" },
		func(s *model.Story) { s.Statements[r.IntN(len(s.Statements))].Stances[0].Stance = model.StanceNone },
		func(s *model.Story) { s.Statements[r.IntN(len(s.Statements))].Stances[0].Topic = "nope" },
		func(s *model.Story) { s.Statements[r.IntN(len(s.Statements))].ReactsTo = s.Statements[0].ID },
		func(s *model.Story) { s.Statements[r.IntN(len(s.Statements))].Citation = model.Citation{Wording: "w"} },
		func(s *model.Story) { s.Positions[r.IntN(len(s.Positions))].Evidence = nil },
		func(s *model.Story) { s.Positions[r.IntN(len(s.Positions))].Evidence[0] = s.Actors[0].ID },
		func(s *model.Story) { s.Positions[r.IntN(len(s.Positions))].Stance = "" },
		func(s *model.Story) { s.Positions = append(s.Positions, s.Positions[0]) },
		func(s *model.Story) { s.Positions[r.IntN(len(s.Positions))].Actor = "" },
		func(s *model.Story) { s.Sources[0].ID = s.Sources[1].ID },
	}
	// A story of more events than quickValid checks on one processor
	// (parallelMin), broken in each way once: the events' checks run
	// beside the ids'.
	if !testing.Short() {
		for _, n := range []int{1, 8, 9, 10, 11, 12, 13, 14} { // ids, and the events' checks
			s := gen.Story(gen.Config{Events: 33_000, Actors: 15, Seed: uint64(n)})
			if !model.QuickValid(s) {
				t.Fatal("a generated story of 33k events is not valid to quickValid")
			}
			breaks[n](s)
			if quick, full := model.QuickValid(s), model.ValidateIssues(s) == 0; quick != full {
				t.Fatalf("33k events, break %d: quickValid says %v, validate found %d issues", n, quick, model.ValidateIssues(s))
			}
		}
	}
	for i := range 300 {
		s := gen.Story(gen.Config{Events: 40, Actors: 15, Seed: uint64(i % 7)})
		if !model.QuickValid(s) || model.ValidateIssues(s) != 0 {
			t.Fatal("a generated story is not valid")
		}
		n := r.IntN(len(breaks))
		breaks[n](s)
		quick, full := model.QuickValid(s), model.ValidateIssues(s) == 0
		if quick != full {
			t.Fatalf("break %d: quickValid says %v, validate found %d issues", n, quick, model.ValidateIssues(s))
		}
	}
}
