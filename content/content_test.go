package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// articlePath is the article the built-in story models, relative to content/.
const articlePath = "../../shared/seeds/000_733f5c75fdb71469.txt"

// compileSchema compiles Schema().
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	const url = "https://dateline.dev/schema/story.json"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatalf("adding schema: %v", err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compiling schema: %v", err)
	}
	return sch
}

// decodeYAML decodes YAML into the plain JSON values the validator expects.
func decodeYAML(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatalf("decoding YAML: %v", err)
	}
	v, err := jsonValue(v, "$")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// jsonValue converts a decoded YAML value to JSON values: string map keys,
// and no time.Time (an unquoted date), which JSON has no room for.
func jsonValue(v any, path string) (any, error) {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			c, err := jsonValue(e, path+"."+k)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			ks, ok := k.(string)
			if !ok {
				return nil, fmt.Errorf("%s: map key %v (%T) is not a string", path, k, k)
			}
			c, err := jsonValue(e, path+"."+ks)
			if err != nil {
				return nil, err
			}
			out[ks] = c
		}
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			c, err := jsonValue(e, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case time.Time:
		return nil, fmt.Errorf("%s: unquoted date %v: quote EDTF dates in YAML", path, v)
	case nil, string, bool, int, int64, uint64, float64:
		// Round-trip numbers through JSON so the validator sees json.Number.
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		return jsonschema.UnmarshalJSON(bytes.NewReader(b))
	default:
		return nil, fmt.Errorf("%s: unexpected %T", path, v)
	}
}

func TestStoryMatchesSchema(t *testing.T) {
	sch := compileSchema(t)
	if err := sch.Validate(decodeYAML(t, Story())); err != nil {
		t.Fatalf("story.yaml does not match schema.json:\n%v", err)
	}
}

func TestSchemaRejectsBadStories(t *testing.T) {
	sch := compileSchema(t)
	firstOf := func(v any, key string) map[string]any {
		return v.(map[string]any)[key].([]any)[0].(map[string]any)
	}
	cases := map[string]func(v any){
		"unknown top-level field": func(v any) { v.(map[string]any)["author"] = "me" },
		"unknown actor field":     func(v any) { firstOf(v, "actors")["colour"] = "red" },
		"bad stance": func(v any) {
			firstOf(v, "positions")["stance"] = "approves"
		},
		"bad statement stance": func(v any) {
			firstOf(v, "statements")["stances"] = map[string]any{"warrant": "loves"}
		},
		"missing quote":         func(v any) { delete(firstOf(v, "statements"), "quote") },
		"missing actor kind":    func(v any) { delete(firstOf(v, "actors"), "kind") },
		"bad actor kind":        func(v any) { firstOf(v, "actors")["kind"] = "country" },
		"empty evidence":        func(v any) { firstOf(v, "positions")["evidence"] = []any{} },
		"bad id":                func(v any) { firstOf(v, "events")["id"] = "Bad Id" },
		"bad date":              func(v any) { firstOf(v, "events")["date"] = "19 March 2023" },
		"paragraph zero":        func(v any) { firstOf(v, "events")["citations"].([]any)[0].(map[string]any)["paragraph"] = 0 },
		"paraphrase not a bool": func(v any) { firstOf(v, "statements")["paraphrase"] = "yes" },
		"all three at once": func(v any) {
			firstOf(v, "topics")["owner"] = "x"
			firstOf(v, "positions")["stance"] = "maybe"
			delete(firstOf(v, "events"), "title")
		},
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			v := decodeYAML(t, Story())
			spoil(v)
			if err := sch.Validate(v); err == nil {
				t.Fatal("schema accepted a story with " + name)
			}
		})
	}
}

func TestSchemaDates(t *testing.T) {
	sch := compileSchema(t)
	good := []string{
		"2023", "2023-03", "2023-03-19", "2023-21", "202X", "20XX", "2023-XX-XX",
		"2023-03-19~", "2023?", "2023-03%", "-0100", "Y170000002", "Y-170000002",
		"2023-03-19T10:20:30", "2023-03-19T10:20:30Z", "2023-03-19T10:20:30+05:30",
		"2023-03-18/2023-03-19", "../2023-01", "2022-02-24/..", "/2023", "2023/",
		"2004-06~/2004-08?",
	}
	bad := []string{"", "/", "19 March 2023", "2023-3-19", "23", "2023..2024", "2023-03-19 10:20"}
	story := func(d string) any {
		return map[string]any{"title": "t", "events": []any{map[string]any{"id": "e", "title": "t", "date": d}}}
	}
	for _, d := range good {
		if err := sch.Validate(story(d)); err != nil {
			t.Errorf("schema rejects EDTF %q: %v", d, err)
		}
	}
	for _, d := range bad {
		if sch.Validate(story(d)) == nil {
			t.Errorf("schema accepts non-EDTF %q", d)
		}
	}
}

// The native format, as the tests read it. KnownFields makes decoding fail
// on a field the format does not have.
type (
	citation struct {
		Source    string `yaml:"source"`
		Paragraph int    `yaml:"paragraph"`
		Wording   string `yaml:"wording"`
	}
	storyFile struct {
		Title       string `yaml:"title"`
		Description string `yaml:"description"`
		Sources     []struct {
			ID        string `yaml:"id"`
			Outlet    string `yaml:"outlet"`
			Title     string `yaml:"title"`
			URL       string `yaml:"url"`
			Published string `yaml:"published"`
			AsOf      string `yaml:"as_of"`
		} `yaml:"sources"`
		Actors []struct {
			ID          string   `yaml:"id"`
			Name        string   `yaml:"name"`
			Kind        string   `yaml:"kind"`
			Parent      string   `yaml:"parent"`
			Aliases     []string `yaml:"aliases"`
			Description string   `yaml:"description"`
		} `yaml:"actors"`
		Topics []struct {
			ID          string `yaml:"id"`
			Title       string `yaml:"title"`
			Description string `yaml:"description"`
		} `yaml:"topics"`
		Events []struct {
			ID      string `yaml:"id"`
			Date    string `yaml:"date"`
			Title   string `yaml:"title"`
			Summary string `yaml:"summary"`
			Actors  []struct {
				Actor string `yaml:"actor"`
				Role  string `yaml:"role"`
			} `yaml:"actors"`
			Topics    []string   `yaml:"topics"`
			Citations []citation `yaml:"citations"`
		} `yaml:"events"`
		Statements []struct {
			ID         string            `yaml:"id"`
			Speaker    string            `yaml:"speaker"`
			Date       string            `yaml:"date"`
			Title      string            `yaml:"title"`
			Quote      string            `yaml:"quote"`
			Paraphrase bool              `yaml:"paraphrase"`
			Stances    map[string]string `yaml:"stances"`
			ReactsTo   string            `yaml:"reacts_to"`
			Citation   citation          `yaml:"citation"`
		} `yaml:"statements"`
		Positions []struct {
			Actor    string   `yaml:"actor"`
			Topic    string   `yaml:"topic"`
			Stance   string   `yaml:"stance"`
			Summary  string   `yaml:"summary"`
			Evidence []string `yaml:"evidence"`
		} `yaml:"positions"`
	}
)

func loadStory(t *testing.T) storyFile {
	t.Helper()
	var s storyFile
	dec := yaml.NewDecoder(bytes.NewReader(Story()))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("decoding story.yaml: %v", err)
	}
	return s
}

// paragraphs reads the article, one paragraph a line, or skips the test.
func paragraphs(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(articlePath)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("article %s not found: cannot check quotes against it", articlePath)
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

func TestQuotesVerbatim(t *testing.T) {
	paras := paragraphs(t)
	article := strings.Join(paras, "\n")
	s := loadStory(t)
	para := func(c citation, who string) string {
		if c.Source != "newscop" || c.Paragraph < 1 || c.Paragraph > len(paras) {
			t.Errorf("%s: citation %+v does not point into the article's %d paragraphs", who, c, len(paras))
			return ""
		}
		return paras[c.Paragraph-1]
	}
	for _, st := range s.Statements {
		p := para(st.Citation, st.ID)
		switch {
		case st.Paraphrase && strings.Contains(article, st.Quote):
			t.Errorf("%s: paraphrase %q is the article's own wording: make it a quote", st.ID, st.Quote)
		case !st.Paraphrase && !strings.Contains(p, st.Quote):
			t.Errorf("%s: quote %q is not verbatim in paragraph %d: %q", st.ID, st.Quote, st.Citation.Paragraph, p)
		}
		if st.Citation.Wording != "" && !strings.Contains(p, st.Citation.Wording) {
			t.Errorf("%s: date wording %q is not in paragraph %d", st.ID, st.Citation.Wording, st.Citation.Paragraph)
		}
	}
	for _, e := range s.Events {
		for _, c := range e.Citations {
			if p := para(c, e.ID); c.Wording != "" && !strings.Contains(p, c.Wording) {
				t.Errorf("%s: date wording %q is not in paragraph %d", e.ID, c.Wording, c.Paragraph)
			}
		}
	}
}

func TestRequiredIDs(t *testing.T) {
	s := loadStory(t)
	kind := map[string]string{} // id → what it names
	add := func(id, what string) {
		if prev, ok := kind[id]; ok {
			t.Errorf("id %q names both a %s and a %s", id, prev, what)
		}
		kind[id] = what
	}
	for _, x := range s.Sources {
		add(x.ID, "source")
	}
	parent := map[string]string{}
	for _, a := range s.Actors {
		add(a.ID, "actor")
		parent[a.ID] = a.Parent
		if a.Description == "" {
			t.Errorf("actor %s has no description", a.ID)
		}
	}
	for _, x := range s.Topics {
		add(x.ID, "topic")
	}
	for _, e := range s.Events {
		add(e.ID, "event")
	}
	for _, st := range s.Statements {
		add(st.ID, "statement")
	}

	want := map[string]string{"newscop": "source"}
	for _, id := range []string{"putin", "xi", "kremlin", "russia", "china", "ukraine", "united-states", "kirby", "icc"} {
		want[id] = "actor"
	}
	for _, id := range []string{"warrant", "visit", "ceasefire-proposal"} {
		want[id] = "topic"
	}
	for id, what := range want {
		if kind[id] != what {
			t.Errorf("required %s %q is missing (have %q)", what, id, kind[id])
		}
	}

	isDescendant := func(id, ancestor string) bool {
		for seen := 0; id != "" && seen <= len(parent); seen++ {
			if id = parent[id]; id == ancestor {
				return true
			}
		}
		return false
	}
	for child, anc := range map[string]string{"putin": "russia", "kremlin": "russia", "xi": "china", "kirby": "united-states"} {
		if !isDescendant(child, anc) {
			t.Errorf("%s is not a descendant of %s", child, anc)
		}
	}

	ref := func(from, id, what string) {
		if kind[id] != what {
			t.Errorf("%s refers to %s %q, which does not exist", from, what, id)
		}
	}
	for _, a := range s.Actors {
		if a.Parent != "" {
			ref(a.ID, a.Parent, "actor")
		}
	}
	for _, e := range s.Events {
		for _, r := range e.Actors {
			ref(e.ID, r.Actor, "actor")
		}
		for _, tp := range e.Topics {
			ref(e.ID, tp, "topic")
		}
	}
	for _, st := range s.Statements {
		ref(st.ID, st.Speaker, "actor")
		for tp := range st.Stances {
			ref(st.ID, tp, "topic")
		}
		if st.ReactsTo != "" {
			ref(st.ID, st.ReactsTo, "event")
		}
	}
	stance := map[string]string{} // "actor/topic" → stance
	for _, p := range s.Positions {
		who := p.Actor + "/" + p.Topic
		ref("position "+who, p.Actor, "actor")
		ref("position "+who, p.Topic, "topic")
		if _, dup := stance[who]; dup {
			t.Errorf("two positions for %s", who)
		}
		stance[who] = p.Stance
		for _, ev := range p.Evidence {
			if kind[ev] != "event" && kind[ev] != "statement" {
				t.Errorf("position %s: evidence %q is no event or statement", who, ev)
			}
		}
	}
	for who, st := range map[string]string{
		"russia/warrant":                   "opposes",
		"china/ceasefire-proposal":         "supports",
		"russia/ceasefire-proposal":        "supports",
		"ukraine/ceasefire-proposal":       "conditional",
		"united-states/ceasefire-proposal": "opposes",
	} {
		if stance[who] != st {
			t.Errorf("position %s is %q, want %q", who, stance[who], st)
		}
	}
}

// Every date in the story is quoted, so YAML keeps it a string.
func TestDatesQuoted(t *testing.T) {
	unquoted := regexp.MustCompile(`(?m)^\s*-?\s*(date|published|as_of):\s*[^"\s]`)
	if m := unquoted.Find(Story()); m != nil {
		t.Errorf("unquoted date in story.yaml: %q", m)
	}
}

// The story says what the article records, at its precision: written on
// Monday 20 March 2023, "sceptical" is not opposition, the paper asks for
// a settlement (not a ceasefire now), and words from outside the article
// are marked or gone.
func TestStoryReadsTheArticle(t *testing.T) {
	s := loadStory(t)
	if s.Sources[0].AsOf != "2023-03-20" {
		t.Errorf("as_of %s, want the Monday of writing, 2023-03-20", s.Sources[0].AsOf)
	}
	dates := map[string]string{}
	for _, e := range s.Events {
		dates[e.ID] = e.Date
	}
	if dates["annexation-2022"] != "2022-09" || dates["china-position-paper"] != "2023-02" {
		t.Errorf(`"last September" is %s and "Last month" %s, want the article's months 2022-09 and 2023-02`, dates["annexation-2022"], dates["china-position-paper"])
	}
	for _, st := range s.Statements {
		if st.ID == "us-sceptical" && st.Stances["ceasefire-proposal"] != "unclear" {
			t.Errorf("sceptical of China's involvement is %q, want unclear", st.Stances["ceasefire-proposal"])
		}
	}
	for _, p := range s.Positions {
		if p.Actor == "united-states" && slices.Contains(p.Evidence, "us-sceptical") {
			t.Error("the US position on the proposal must rest on Kirby's words, not on scepticism")
		}
	}
	text := string(Story())
	for _, tp := range s.Topics {
		if strings.Contains(tp.Description, "ceasefire now") {
			t.Errorf("topic %s says the paper calls for a ceasefire now; the article never does", tp.ID)
		}
	}
	for _, outside := range []string{"The Hague", "state visit", "well before the warrant", "four regions of Ukraine", "Russian-occupied"} {
		if strings.Contains(text, outside) {
			t.Errorf("story.yaml has %q, wording from outside the article", outside)
		}
	}
	// Outside knowledge that stays is marked.
	if n := strings.Count(text, "Outside knowledge, not in the article"); n < 2 {
		t.Errorf("%d marked notes of outside knowledge, want the exact days of the annexation and the paper", n)
	}
}
