package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
)

// result is what one run of the command line did.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the command line as main does, and checks what holds for
// every run: nothing written to a non-terminal carries an ESC byte.
func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut)
	r := result{code, out.String(), errOut.String()}
	for name, s := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
		if strings.IndexByte(s, 0x1b) >= 0 {
			t.Errorf("dateline %s: %s holds an ESC byte:\n%q", strings.Join(args, " "), name, s)
		}
	}
	return r
}

// writeFile writes a story into a fresh temporary directory.
func writeFile(t *testing.T, name, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// builtIn loads the built-in story for facts to check the output against.
func builtIn(t *testing.T) *model.Story {
	t.Helper()
	s, _, err := model.Load(content.StoryName, content.Story())
	if err != nil {
		t.Fatalf("built-in story: %v", err)
	}
	return s
}

func TestExitCodes(t *testing.T) {
	clean := writeFile(t, "clean.yaml", string(content.Story()))
	broken := writeFile(t, "broken.yaml", "title: T\nauthor: me\n")
	cases := []struct {
		args   []string
		code   int
		stderr []string // fragments the error output must hold
	}{
		{nil, ExitOK, nil},
		{[]string{}, ExitOK, nil},
		{[]string{"--help"}, ExitOK, nil},
		{[]string{clean}, ExitOK, nil},
		{[]string{"list"}, ExitOK, nil},
		{[]string{"list", clean, "--format", "json"}, ExitOK, nil},
		{[]string{"list", "--actor", "russia", "--topic", "warrant", "--search", "warrant"}, ExitOK, nil},
		{[]string{"list", "--since", "2023-03", "--until", "2023-03-18"}, ExitOK, nil},
		{[]string{"positions"}, ExitOK, nil},
		{[]string{"positions", "--format", "json"}, ExitOK, nil},
		{[]string{"validate", clean}, ExitOK, nil},

		{[]string{"list", broken}, ExitData, []string{"broken.yaml:2:1:", `unknown field "author"`}},
		{[]string{broken}, ExitData, []string{"broken.yaml:2:1:"}},
		{[]string{"positions", broken}, ExitData, []string{"broken.yaml:2:1:"}},
		{[]string{"validate", broken}, ExitData, []string{"broken.yaml:2:1:"}},
		{[]string{"validate", clean, broken}, ExitData, []string{"broken.yaml:2:1:"}},
		{[]string{"list", filepath.Join(t.TempDir(), "missing.yaml")}, ExitData, []string{"missing.yaml"}},

		{[]string{"list", "--format", "xml"}, ExitUsage, []string{`"xml"`, "text, json"}},
		{[]string{"positions", "--format", "yaml"}, ExitUsage, []string{`"yaml"`}},
		{[]string{"list", "--colour"}, ExitUsage, []string{"--colour"}},
		{[]string{"list", "a.yaml", "b.yaml"}, ExitData, []string{"cannot read a.yaml", "cannot read b.yaml"}}, // several files merge; each missing one is named
		{[]string{"validate"}, ExitUsage, nil},
		{[]string{"list", "--actor", "rusia"}, ExitUsage, []string{`"rusia"`, `did you mean "russia"?`}},
		{[]string{"list", "--topic", "warant"}, ExitUsage, []string{`"warant"`, `did you mean "warrant"?`}},
		{[]string{"--actor", "nobody"}, ExitUsage, []string{`"nobody"`, "putin"}},
		{[]string{"list", "--since", "last Friday"}, ExitUsage, []string{"--since"}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			r := runCLI(t, c.args...)
			if r.code != c.code {
				t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, c.code, r.stdout, r.stderr)
			}
			for _, f := range c.stderr {
				if !strings.Contains(r.stderr, f) {
					t.Errorf("stderr lacks %q:\n%s", f, r.stderr)
				}
			}
			if c.code == ExitOK && r.stderr != "" {
				t.Errorf("stderr on success:\n%s", r.stderr)
			}
			if c.code == ExitOK && r.stdout == "" {
				t.Errorf("no output")
			}
		})
	}
}

// listItem is `dateline list --format json` as a reader of it sees it.
type listItem struct {
	ID      string            `json:"id"`
	Kind    string            `json:"kind"`
	Date    *string           `json:"date"`
	Start   *string           `json:"start"`
	End     *string           `json:"end"`
	Title   string            `json:"title"`
	Actors  []string          `json:"actors"`
	Topics  []string          `json:"topics"`
	Speaker string            `json:"speaker"`
	Quote   string            `json:"quote"`
	Stances map[string]string `json:"stances"`
}

func listJSON(t *testing.T, args ...string) []listItem {
	t.Helper()
	r := runCLI(t, append([]string{"list", "--format", "json"}, args...)...)
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var items []listItem
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
		t.Fatalf("list --format json is not a JSON array: %v\n%s", err, r.stdout)
	}
	for i, m := range raw {
		for _, k := range []string{"id", "kind", "date", "start", "end", "title", "actors", "topics"} {
			if _, ok := m[k]; !ok {
				t.Errorf("item %d has no %q: %s", i, k, r.stdout)
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil {
		t.Fatal(err)
	}
	return items
}

var dayRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// timelineKey orders items as the timeline must: by the day an item sits
// at (its earliest, or its latest when the start is open), then earliest
// (an open start first), then latest (an open end last), then id; undated
// last.
func timelineKey(it listItem) string {
	if it.Date == nil || *it.Date == "" {
		return "2|" + it.ID
	}
	start, end := " ", "~" // " " sorts before any day, "~" after
	if it.Start != nil {
		start = *it.Start
	}
	if it.End != nil {
		end = *it.End
	}
	at := start
	if it.Start == nil {
		at = end
	}
	return "1|" + at + "|" + start + "|" + end + "|" + it.ID
}

func TestListJSON(t *testing.T) {
	s := builtIn(t)
	items := listJSON(t)
	if got, want := len(items), len(s.Events)+len(s.Statements); got != want {
		t.Fatalf("%d items, want every event and statement: %d", got, want)
	}
	byID := map[string]listItem{}
	for i, it := range items {
		byID[it.ID] = it
		if i > 0 && timelineKey(items[i-1]) > timelineKey(it) {
			t.Errorf("out of order: %s (%v–%v) before %s (%v–%v)", items[i-1].ID, deref(items[i-1].Start), deref(items[i-1].End), it.ID, deref(it.Start), deref(it.End))
		}
		for _, d := range []*string{it.Start, it.End} {
			if d != nil && !dayRE.MatchString(*d) {
				t.Errorf("%s: day %q is not YYYY-MM-DD", it.ID, *d)
			}
		}
		if it.Title == "" {
			t.Errorf("%s has no title", it.ID)
		}
		if it.Actors == nil || it.Topics == nil {
			t.Errorf("%s: actors and topics must be arrays, even empty ones", it.ID)
		}
	}
	for _, e := range s.Events {
		it, ok := byID[e.ID]
		if !ok || it.Kind != "event" {
			t.Errorf("event %s missing or of kind %q", e.ID, it.Kind)
		}
	}
	for _, st := range s.Statements {
		it, ok := byID[st.ID]
		if !ok || it.Kind != "statement" {
			t.Errorf("statement %s missing or of kind %q", st.ID, it.Kind)
			continue
		}
		if it.Speaker != st.Speaker || it.Quote != st.Quote || !slices.Contains(it.Actors, st.Speaker) {
			t.Errorf("statement %s: speaker %q, quote %q, actors %v", st.ID, it.Speaker, it.Quote, it.Actors)
		}
		if it.Stances == nil {
			t.Errorf("statement %s has no stances object", st.ID)
		}
	}

	// Dates as the issue gives them, at every precision.
	dates := []struct{ id, date, start, end string }{
		{"crimea-annexation", "2014", "2014-01-01", "2014-12-31"},
		{"annexation-2022", "2022-09", "2022-09-01", "2022-09-30"}, // "last September"
		{"meeting-planning", "../2023-01", "", "2023-01-31"},
		{"china-position-paper", "2023-02", "2023-02-01", "2023-02-28"}, // "Last month"
		{"icc-warrant", "2023-03-17", "2023-03-17", "2023-03-17"},
		{"kirby-fox-interview", "2023-03-18/2023-03-19", "2023-03-18", "2023-03-19"},
		{"xi-visit", "2023-03-20", "2023-03-20", "2023-03-20"},
		{"russian-invasion", "", "", ""},
	}
	for _, d := range dates {
		it := byID[d.id]
		if deref(it.Date) != d.date || deref(it.Start) != d.start || deref(it.End) != d.end {
			t.Errorf("%s: date %q start %q end %q, want %q %q %q", d.id, deref(it.Date), deref(it.Start), deref(it.End), d.date, d.start, d.end)
		}
	}
	if last := items[len(items)-1]; last.ID != "russian-invasion" {
		t.Errorf("last item is %s, want the undated russian-invasion", last.ID)
	}
	if first := items[0]; first.ID != "crimea-annexation" {
		t.Errorf("first item is %s, want crimea-annexation (2014): an open start sits at its latest day", first.ID)
	}
	// "by Jan 2023" sits at the end of January 2023.
	at := map[string]int{}
	for i, it := range items {
		at[it.ID] = i
	}
	if !(at["annexation-2022"] < at["meeting-planning"] && at["meeting-planning"] < at["china-position-paper"]) {
		t.Errorf("meeting-planning (../2023-01) is at %d, want between annexation-2022 (%d) and china-position-paper (%d)",
			at["meeting-planning"], at["annexation-2022"], at["china-position-paper"])
	}
	kv := byID["kremlin-warrant-void"]
	if kv.Speaker != "kremlin" || kv.Quote != "legally null and void" || kv.Stances["warrant"] != "opposes" {
		t.Errorf("kremlin-warrant-void = %+v", kv)
	}
	if w := byID["icc-warrant"]; !slices.Equal(w.Actors, []string{"icc", "putin"}) || !slices.Equal(w.Topics, []string{"warrant"}) {
		t.Errorf("icc-warrant actors %v topics %v", w.Actors, w.Topics)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// under returns the actor and every actor below it, from the parent fields.
func under(s *model.Story, id string) map[string]bool {
	out := map[string]bool{id: true}
	for grew := true; grew; {
		grew = false
		for _, a := range s.Actors {
			if out[a.Parent] && !out[a.ID] {
				out[a.ID], grew = true, true
			}
		}
	}
	return out
}

func TestListFilters(t *testing.T) {
	s := builtIn(t)
	all := listJSON(t)
	cases := []struct {
		args []string
		keep func(listItem) bool
		must []string // ids that must be kept
	}{
		{
			args: []string{"--actor", "russia"},
			keep: func(it listItem) bool { return anyIn(it.Actors, under(s, "russia")) },
			must: []string{"kremlin-warrant-void", "icc-warrant", "state-tv-footage", "crimea-annexation", "putin-thanks-china"},
		},
		{
			args: []string{"--actor", "united-states"},
			keep: func(it listItem) bool { return anyIn(it.Actors, under(s, "united-states")) },
			must: []string{"us-sceptical", "kirby-ratify-conquest", "kirby-fox-interview"},
		},
		{
			args: []string{"--actor", "icc", "--actor", "xi"},
			keep: func(it listItem) bool { return slices.Contains(it.Actors, "icc") || slices.Contains(it.Actors, "xi") },
			must: []string{"icc-warrant", "xi-visit"},
		},
		{
			args: []string{"--topic", "warrant"},
			keep: func(it listItem) bool { return slices.Contains(it.Topics, "warrant") },
			must: []string{"icc-warrant", "kremlin-warrant-void", "xi-visit"},
		},
		{
			args: []string{"--actor", "russia", "--topic", "ceasefire-proposal"},
			keep: func(it listItem) bool {
				return anyIn(it.Actors, under(s, "russia")) && slices.Contains(it.Topics, "ceasefire-proposal")
			},
			must: []string{"putin-thanks-china"},
		},
		{
			args: []string{"--search", "NULL AND VOID"},
			keep: func(it listItem) bool {
				return strings.Contains(strings.ToLower(it.Quote+" "+it.Title), "null and void")
			},
			must: []string{"kremlin-warrant-void"},
		},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			got := listJSON(t, c.args...)
			var want []string
			for _, it := range all {
				if c.keep(it) {
					want = append(want, it.ID)
				}
			}
			if ids := idsOf(got); !slices.Equal(ids, want) {
				t.Errorf("kept %v\nwant %v", ids, want)
			}
			for _, id := range c.must {
				if !slices.Contains(idsOf(got), id) {
					t.Errorf("%s is missing", id)
				}
			}
		})
	}
}

func anyIn(ids []string, set map[string]bool) bool {
	return slices.ContainsFunc(ids, func(id string) bool { return set[id] })
}

func idsOf(items []listItem) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func TestUnknownActorFlag(t *testing.T) {
	r := runCLI(t, "list", "--actor", "rusia")
	if r.code != ExitUsage {
		t.Fatalf("exit %d, want %d", r.code, ExitUsage)
	}
	if r.stdout != "" {
		t.Errorf("stdout on a usage error: %q", r.stdout)
	}
	for _, a := range builtIn(t).Actors {
		if !strings.Contains(r.stderr, a.ID) {
			t.Errorf("stderr does not list valid actor %q:\n%s", a.ID, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, `did you mean "russia"?`) {
		t.Errorf("no suggestion:\n%s", r.stderr)
	}
}

// The stances the issue requires, and places where nothing is recorded.
var requiredStances = []struct{ actor, topic, stance string }{
	{"russia", "warrant", "opposes"},
	{"china", "ceasefire-proposal", "supports"},
	{"russia", "ceasefire-proposal", "supports"},
	{"ukraine", "ceasefire-proposal", "conditional"},
	{"united-states", "ceasefire-proposal", "opposes"},
	{"ukraine", "warrant", "none"},
	{"united-states", "visit", "none"},
	{"kirby", "ceasefire-proposal", "none"},
	{"icc", "ceasefire-proposal", "none"},
}

// saidStances are cells with no recorded position where the speaker's own
// statements take a stance: every format says so, as the explorer does,
// never a bare none.
var saidStances = []struct{ actor, topic, said string }{
	{"kremlin", "warrant", "opposes"},
	{"putin", "ceasefire-proposal", "supports"},
	{"kirby", "ceasefire-proposal", "opposes"},
}

func TestPositionsText(t *testing.T) {
	s := builtIn(t)
	r := runCLI(t, "positions")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	// The matrix: a header of topic ids, then one row per actor, cells apart
	// by two spaces or more.
	lines := strings.Split(r.stdout, "\n")
	split := regexp.MustCompile(`\s{2,}`)
	header := split.Split(strings.TrimSpace(lines[0]), -1)
	var topics []string
	for _, tp := range s.Topics {
		topics = append(topics, tp.ID)
	}
	if !slices.Equal(header[1:], topics) {
		t.Fatalf("header %q, want actor and then %v", lines[0], topics)
	}
	name := map[string]string{}
	for _, a := range s.Actors {
		name[a.ID] = a.Name
	}
	cell := map[[2]string]string{} // actor name, topic → cell
	rows := 0
	for _, line := range lines[1:] {
		if strings.TrimSpace(line) == "" {
			break
		}
		f := split.Split(strings.TrimSpace(line), -1)
		if len(f) != 1+len(topics) {
			t.Fatalf("row %q has %d cells, want %d", line, len(f)-1, len(topics))
		}
		for i, tp := range topics {
			cell[[2]string{f[0], tp}] = f[i+1]
		}
		rows++
	}
	if rows != len(s.Actors) {
		t.Errorf("%d rows, want one per actor: %d", rows, len(s.Actors))
	}
	said := map[[2]string]string{}
	for _, w := range saidStances {
		said[[2]string{w.actor, w.topic}] = w.said
	}
	for _, w := range requiredStances {
		got := cell[[2]string{name[w.actor], w.topic}]
		want := " " + w.stance
		if s, ok := said[[2]string{w.actor, w.topic}]; ok {
			want = "said " + model.Stance(s).Symbol() + " " + s
		}
		if !strings.HasSuffix(got, want) {
			t.Errorf("%s on %s: cell %q, want %s", w.actor, w.topic, got, want)
		}
	}
	for _, w := range saidStances {
		if got := cell[[2]string{name[w.actor], w.topic}]; !strings.HasSuffix(got, "said "+model.Stance(w.said).Symbol()+" "+w.said) {
			t.Errorf("%s on %s: cell %q, want said %s", w.actor, w.topic, got, w.said)
		}
	}
	if !strings.Contains(r.stdout, "Russia on warrant: opposes, dated") {
		t.Errorf("no summary line for Russia on the warrant:\n%s", r.stdout)
	}
}

func TestPositionsJSON(t *testing.T) {
	s := builtIn(t)
	r := runCLI(t, "positions", "--format", "json")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var cells []struct {
		Actor    string    `json:"actor"`
		Topic    string    `json:"topic"`
		Stance   string    `json:"stance"`
		Summary  *string   `json:"summary"`
		Evidence *[]string `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &cells); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, r.stdout)
	}
	if len(cells) != len(s.Actors)*len(s.Topics) {
		t.Errorf("%d cells, want every actor × topic: %d", len(cells), len(s.Actors)*len(s.Topics))
	}
	got := map[[2]string]string{}
	for _, c := range cells {
		got[[2]string{c.Actor, c.Topic}] = c.Stance
		if c.Summary == nil || c.Evidence == nil {
			t.Errorf("%s/%s: summary and evidence must always be present", c.Actor, c.Topic)
			continue
		}
		if (c.Stance == "none") != (len(*c.Evidence) == 0) {
			t.Errorf("%s/%s: stance %s with evidence %v", c.Actor, c.Topic, c.Stance, *c.Evidence)
		}
	}
	for _, w := range requiredStances {
		if g := got[[2]string{w.actor, w.topic}]; g != w.stance {
			t.Errorf("%s on %s = %q, want %q", w.actor, w.topic, g, w.stance)
		}
	}
	pairs := map[[2]string]bool{}
	for _, p := range s.Positions {
		pairs[[2]string{p.Actor, p.Topic}] = true
	}
	recorded := 0
	for _, st := range got {
		if st != "none" {
			recorded++
		}
	}
	if recorded != len(pairs) {
		t.Errorf("%d recorded positions, want the story's %d: the rest must be none", recorded, len(pairs))
	}
}

// positions --as-of at each boundary of a change: the day before, on and
// after it, and an interval's date counting from its start; --actor takes
// in everyone under the actor, --topic narrows the columns.
func TestPositionsAsOf(t *testing.T) {
	story := "../model/testdata/history.yaml"
	cases := []struct {
		asOf, russia, kremlin, us string
	}{
		{"2023-01-09", "none", "none", "none"},
		{"2023-01-10", "supports", "none", "none"},
		{"2023-02-19", "supports", "said supports", "none"},
		{"2023-02-20", "opposes", "said supports", "none"},
		{"2023-02-21", "opposes", "said supports", "none"},
		{"2023-03-04", "conditional", "said supports", "none"},
		{"2023-03-05/2023-03-09", "conditional", "said supports", "said opposes"}, // to its last day
		{"2023-03-05", "conditional", "said supports", "said opposes"},            // Kirby's 5–7 Mar counts from the 5th
		{"", "conditional", "said supports", "said opposes"},
	}
	for _, c := range cases {
		args := []string{"positions", "--format", "csv", "--topic", "deal", story}
		if c.asOf != "" {
			args = append(args, "--as-of", c.asOf)
		}
		r := runCLI(t, args...)
		if r.code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
		recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil || len(recs) != 5 {
			t.Fatalf("%v: %d rows, %v:\n%s", args, len(recs), err, r.stdout)
		}
		got := map[string]string{}
		for _, rec := range recs[1:] {
			got[rec[0]] = rec[2]
		}
		if got["russia"] != c.russia || got["kremlin"] != c.kremlin || got["us"] != c.us {
			t.Errorf("as of %q: russia %q, kremlin %q, us %q; want %q, %q, %q", c.asOf, got["russia"], got["kremlin"], got["us"], c.russia, c.kremlin, c.us)
		}
	}
	r := runCLI(t, "positions", "--actor", "us", "--as-of", "2023-03-05", story)
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); r.code != ExitOK || !strings.HasPrefix(lines[0], "As of Sun 5 Mar 2023") ||
		!strings.HasPrefix(lines[4], "  Kirby") || strings.Contains(r.stdout, "Russia") {
		t.Errorf("--actor us: exit %d\n%s", r.code, r.stdout)
	}
	for _, bad := range [][]string{{"--as-of", "2023-13-01"}, {"--actor", "usa"}, {"--topic", "dael"}} {
		r := runCLI(t, append([]string{"positions", story}, bad...)...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, bad[1]) {
			t.Errorf("positions %v: exit %d, %q; want a usage error naming it", bad, r.code, r.stderr)
		}
	}
}

// placeOf finds the line and column of the first match of marker in src
// and returns them for the text just after prefix.
func placeOf(t *testing.T, src, marker, prefix string) (int, int) {
	t.Helper()
	i := strings.Index(src, marker)
	if i < 0 {
		t.Fatalf("%q not in the broken story", marker)
	}
	i += strings.Index(marker, prefix) + len(prefix)
	line := strings.Count(src[:i], "\n") + 1
	col := i - strings.LastIndex(src[:i], "\n")
	return line, col
}

func TestValidateBrokenBuiltIn(t *testing.T) {
	src := string(content.Story())
	for _, r := range []struct{ from, to string }{
		{"    speaker: kremlin\n", "    speaker: kremln\n"},
		{"  - id: icc\n", "  - id: icc\n    colour: red\n"},
		{"stances: {ceasefire-proposal: conditional}", "stances: {ceasefire-proposal: conditionally}"},
		{"evidence: [china-position-paper]", "evidence: [china-position-papers]"},
	} {
		if !strings.Contains(src, r.from) {
			t.Fatalf("the built-in story no longer has %q: update this test", r.from)
		}
		src = strings.Replace(src, r.from, r.to, 1)
	}
	path := writeFile(t, "story.yaml", src)
	type problem struct {
		line, col int
		has       string
	}
	var wants []problem
	for _, w := range []struct{ marker, prefix, has string }{
		{"speaker: kremln", "speaker: ", `speaker "kremln"`},
		{"colour: red", "", `unknown field "colour"`},
		{"conditionally}", "", `stance "conditionally"`},
		{"china-position-papers]", "", `evidence "china-position-papers"`},
	} {
		l, c := placeOf(t, src, w.marker, w.prefix)
		wants = append(wants, problem{l, c, w.has})
	}

	r := runCLI(t, "validate", path)
	if r.code != ExitData {
		t.Fatalf("exit %d, want %d\n%s", r.code, ExitData, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != len(wants) {
		t.Errorf("%d problems reported, want %d:\n%s", len(lines), len(wants), r.stderr)
	}
	for _, w := range wants {
		prefix := fmt.Sprintf("%s:%d:%d: ", path, w.line, w.col)
		if !slices.ContainsFunc(lines, func(l string) bool {
			return strings.HasPrefix(l, prefix) && strings.Contains(l, w.has)
		}) {
			t.Errorf("no problem %s%s...:\n%s", prefix, w.has, r.stderr)
		}
	}
	if strings.Contains(r.stdout, path+": ok") {
		t.Errorf("validate says a broken file is ok")
	}

	clean := writeFile(t, "clean.yaml", string(content.Story()))
	r = runCLI(t, "validate", clean)
	if r.code != ExitOK || r.stdout != clean+": ok\n" || r.stderr != "" {
		t.Errorf("validate on the clean story: exit %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}
}

// A story full of escape sequences is shown without them, whatever the
// command; the output helpers in runCLI check every byte.
func TestNoEscapesReachTheTerminal(t *testing.T) {
	hostile := writeFile(t, "hostile.yaml", `title: "\e]0;pwned\a"
actors:
  - {id: a, name: "\e[2JEvil", kind: person, aliases: ["\e]52;c;Y3VybA==\a"]}
topics:
  - {id: t, title: "\e[31mred"}
events:
  - {id: e1, title: "\e[1A\e[2Kfake", summary: "\x9b2J", actors: [{actor: a}], topics: [t]}
statements:
  - {id: s1, speaker: a, quote: "\e[8mhidden", stances: {t: supports}}
positions:
  - {actor: a, topic: t, stance: supports, summary: "\e[5mblink", evidence: [s1]}
`)
	broken := writeFile(t, "broken.yaml", "title: T\n\"\\e[2Jkey\": 1\n")
	for _, args := range [][]string{
		{hostile},
		{"list", hostile},
		{"list", "--format", "json", hostile},
		{"list", "--search", "\x1b[2J", hostile},
		{"positions", hostile},
		{"positions", "--format", "json", hostile},
		{"validate", hostile},
		{"validate", broken},
		{"list", "--actor", "\x1b[2Jx", hostile},
	} {
		runCLI(t, args...)
	}
	// What was removed leaves a visible mark.
	if r := runCLI(t, "list", hostile); !strings.Contains(r.stdout, "␛") {
		t.Errorf("list shows no trace of the removed sequences:\n%s", r.stdout)
	}
}
