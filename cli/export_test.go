package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/formats"
	"github.com/dateline/dateline/model/report"
)

// peerDir holds real TimelineJS files: shared/ beside the checkout.
const peerDir = "../../shared/peers/timelinejs"

// needPeer skips a test whose peer file is missing, except under CI, where
// shared/ is always beside the checkout and a missing file is a failure.
func needPeer(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("peer file %s is missing under CI: %v", path, err)
		}
		t.Skipf("peer file %s is not here (%v); it lives in shared/peers beside the checkout", path, err)
	}
}

// exportRun runs the command line and returns its exit code and output.
func exportRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// exportListIDs lists the ids `list --format json` prints for the args.
func exportListIDs(t *testing.T, args ...string) []string {
	t.Helper()
	code, out, errOut := exportRun(t, append([]string{"list", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("list %v: exit %d: %s", args, code, errOut)
	}
	var items []report.ListItem
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

func TestExportWritesAtomicallyAndKeepsFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "timeline.json")
	code, stdout, stderr := exportRun(t, "export", "--to", "timelinejs", "-o", out)
	if code != 0 || stdout != "" || !strings.Contains(stderr, "wrote 20 items to "+out) {
		t.Fatalf("export: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Title  map[string]any
		Events []map[string]any
	}
	if err := json.Unmarshal(first, &doc); err != nil || len(doc.Events) != 20 || doc.Title == nil {
		t.Fatalf("not a TimelineJS timeline (%v): %.300s", err, first)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}

	// An existing file is kept: bad usage, exit 2.
	code, _, stderr = exportRun(t, "export", "--to", "yaml", "--actor", "putin", "-o", out)
	if code != 2 || !strings.Contains(stderr, out+" already exists; pass --force") {
		t.Errorf("overwrite without --force: exit %d, %q", code, stderr)
	}
	if now, _ := os.ReadFile(out); !bytes.Equal(now, first) {
		t.Errorf("the file changed without --force")
	}

	// With --force it is replaced, and keeps its permissions.
	if err := os.Chmod(out, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = exportRun(t, "export", "--to", "yaml", "--actor", "putin", "--force", "-o", out)
	if code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	now, _ := os.ReadFile(out)
	if bytes.Equal(now, first) || !bytes.HasPrefix(now, []byte("title: ")) {
		t.Errorf("not replaced: %.100s", now)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after --force", st.Mode())
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %v", entries)
	}
}

// TestExportNeverWritesItsInput: a positional argument is always a story to
// read. Once, `export --to timelinejs mine.yaml` took mine.yaml for the
// output, and --force replaced the user's story with the built-in one.
func TestExportNeverWritesItsInput(t *testing.T) {
	mine := filepath.Join(t.TempDir(), "mine.yaml")
	story := "title: Mine\nevents:\n  - id: only\n    date: 2020-01-02\n    title: The one thing\n"
	if err := os.WriteFile(mine, []byte(story), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"export", "--to", "timelinejs", mine},
		{"export", "--to", "timelinejs", "--force", mine},
		{"export", "--to", "yaml", "--force", mine},
	} {
		code, stdout, stderr := exportRun(t, args...)
		if code != 0 || !strings.Contains(stdout, "The one thing") || strings.Contains(stdout, "Putin") {
			t.Errorf("%v: exit %d, stderr %q; want mine.yaml read and written to stdout:\n%.200s", args, code, stderr, stdout)
		}
		if got, _ := os.ReadFile(mine); string(got) != story {
			t.Fatalf("%v changed mine.yaml to %.200q", args, got)
		}
	}
}

func TestExportFailsWhole(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "never.json")
	// An unknown actor stops it before anything is written.
	code, _, stderr := exportRun(t, "export", "--to", "json", "--actor", "nobody", "-o", out)
	if code != 2 || !strings.Contains(stderr, `unknown actor "nobody"`) {
		t.Errorf("exit %d: %q", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %v", entries)
	}
	// A writer that fails half way leaves nothing behind, not even a
	// temporary file.
	err := writeAtomic(out, false, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("partial ", 10000))
		return errors.New("disk on fire")
	})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %v", entries)
	}
	// Nor does a file that appears while writing get replaced.
	err = writeAtomic(out, false, func(w io.Writer) error {
		return os.WriteFile(out, []byte("theirs"), 0o644)
	})
	if got, _ := os.ReadFile(out); err == nil || string(got) != "theirs" {
		t.Errorf("err = %v, file %q", err, got)
	}
}

func TestExportUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"export", "-o", filepath.Join(dir, "x.json")}, 2, "--to is needed"},
		{[]string{"export", "--to", "pdf", "-o", filepath.Join(dir, "x.pdf")}, 2, `unknown --to "pdf"`},
		{[]string{"export", "--to", "json", "-o", dir}, 2, "is a directory"},
		{[]string{"export", "--to", "json", "-o", filepath.Join(dir, "no", "such", "x.json")}, 2, "does not exist"},
		{[]string{"export", "--to", "json", "--from", "excel", "-o", filepath.Join(dir, "x.json")}, 2, `--from: unknown format "excel"`},
		// The old habit of naming the output last: it is read, and its
		// absence says how to write it.
		{[]string{"export", "--to", "json", filepath.Join(dir, "x.json")}, 2, "to write it, pass -o"},
		{[]string{"export", "--to", "json", dir}, 1, "is a directory"},
	} {
		code, _, stderr := exportRun(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, %q; want %d, …%s…", tc.args, code, stderr, tc.code, tc.msg)
		}
	}
	// .yaml implies --to yaml.
	out := filepath.Join(dir, "story.yaml")
	if code, _, stderr := exportRun(t, "export", "-o", out); code != 0 {
		t.Errorf("export story.yaml: exit %d: %s", code, stderr)
	}
}

// TestExportNativeRoundTrip exports the built-in story as YAML and as JSON
// and checks that the files load back as the same story.
func TestExportNativeRoundTrip(t *testing.T) {
	want, _, err := model.Load(content.StoryName, content.Story())
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range []string{"yaml", "json"} {
		out := filepath.Join(t.TempDir(), "story."+to)
		if code, _, stderr := exportRun(t, "export", "--to", to, "-o", out); code != 0 {
			t.Fatalf("export --to %s: exit %d: %s", to, code, stderr)
		}
		got, _, err := formats.LoadFile(out, formats.Auto)
		if err != nil {
			t.Fatalf("%s: %v", to, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("--to %s: the story read back differs", to)
		}
	}
}

// TestExportFilter exports what the filters keep: the same items list shows.
func TestExportFilter(t *testing.T) {
	for _, filter := range [][]string{{"--actor", "russia"}, {"--topic", "warrant"}, {"--search", "children"}, {"--since", "2023-03-20"}} {
		want := exportListIDs(t, filter...)
		if len(want) == 0 {
			t.Fatalf("%v keeps nothing", filter)
		}
		for _, to := range []string{"json", "timelinejs"} {
			out := filepath.Join(t.TempDir(), "out.json")
			if code, _, stderr := exportRun(t, append([]string{"export", "--to", to, "-o", out}, filter...)...); code != 0 {
				t.Fatalf("export %v: exit %d: %s", filter, code, stderr)
			}
			if got := exportListIDs(t, out); !slices.Equal(got, want) {
				t.Errorf("export --to %s %v holds %v, want %v", to, filter, got, want)
			}
		}
	}
}

// TestExportTimelineJSRoundTrip exports the built-in story as TimelineJS,
// opens the result, and compares each item's date, title and text.
func TestExportTimelineJSRoundTrip(t *testing.T) {
	out := filepath.Join(t.TempDir(), "timeline.json")
	if code, _, stderr := exportRun(t, "export", "--to", "timelinejs", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	list := func(args ...string) []report.ListItem {
		code, stdout, stderr := exportRun(t, append([]string{"list", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("list %v: exit %d: %s", args, code, stderr)
		}
		var items []report.ListItem
		if err := json.Unmarshal([]byte(stdout), &items); err != nil {
			t.Fatal(err)
		}
		return items
	}
	want, got := list(), list(out)
	if len(got) != len(want) {
		t.Fatalf("%d items came back from %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		text := w.Summary
		if w.Kind == "statement" {
			text = w.Quote
		}
		if g.ID != w.ID || g.Date != w.Date || g.Title != w.Title || !strings.Contains(g.Summary, text) {
			t.Errorf("item %d: %s %s %q came back as %s %s %q", i, w.ID, w.Date, w.Title, g.ID, g.Date, g.Title)
		}
	}
}

func TestExportStdout(t *testing.T) {
	for _, args := range [][]string{{"export", "--to", "json"}, {"export", "--to", "json", "-o", "-"}} {
		code, stdout, stderr := exportRun(t, args...)
		if code != 0 || stderr != "" {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if _, _, err := model.Load("stdout.json", []byte(stdout)); err != nil {
			t.Errorf("%v: %v", args, err)
		}
	}
	// Inputs before -o - are read: a TimelineJS file, written out as YAML.
	in := filepath.Join(t.TempDir(), "in.json")
	os.WriteFile(in, []byte(`{"events": [{"start_date": {"year": -500}, "text": {"headline": "Old"}}]}`), 0o644)
	code, stdout, stderr := exportRun(t, "export", "--to", "yaml", "-o", "-", in)
	if code != 0 || !strings.Contains(stdout, `date: "-0499"`) || !strings.Contains(stdout, "title: Old") {
		t.Errorf("exit %d, %s, %s", code, stdout, stderr)
	}
}

func TestListFormatsMore(t *testing.T) {
	for _, tc := range []struct{ format, starts string }{
		{"ndjson", `{"id":`}, {"csv", "id,kind,date"}, {"markdown", "# "}, {"text", ""}, {"json", "["},
	} {
		code, stdout, stderr := exportRun(t, "list", "--format", tc.format)
		if code != 0 || !strings.HasPrefix(stdout, tc.starts) || stderr != "" {
			t.Errorf("--format %s: exit %d, %.40q, %q", tc.format, code, stdout, stderr)
		}
	}
	_, stdout, _ := exportRun(t, "list", "--format", "csv")
	if recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll(); err != nil || len(recs) != 21 {
		t.Errorf("csv: %d records, %v", len(recs), err)
	}
	code, _, stderr := exportRun(t, "list", "--format", "xml")
	if code != 2 || !strings.Contains(stderr, "text, json, ndjson, csv, markdown") {
		t.Errorf("--format xml: exit %d, %q", code, stderr)
	}
	code, stdout, _ = exportRun(t, "positions", "--format", "markdown")
	if code != 0 || !strings.HasPrefix(stdout, "| Actor |") {
		t.Errorf("positions markdown: exit %d, %.60q", code, stdout)
	}
}

func TestSchemaCommand(t *testing.T) {
	code, stdout, _ := exportRun(t, "schema")
	if code != 0 || stdout != string(content.Schema()) {
		t.Errorf("exit %d; the output is not the schema", code)
	}
	if code, _, _ := exportRun(t, "schema", "extra"); code != 2 {
		t.Errorf("schema extra: exit %d", code)
	}
}

func TestOpenForeignFiles(t *testing.T) {
	json1 := filepath.Join(peerDir, "women_in_computing.json")
	sheet := filepath.Join(peerDir, "women_in_computing.csv")
	eras := filepath.Join(peerDir, "eras.json")
	needPeer(t, json1)
	if ids := exportListIDs(t, json1); len(ids) != 10 || !slices.Contains(ids, "ada-lovelace") {
		t.Errorf("TimelineJS JSON: %v", ids)
	}
	if ids := exportListIDs(t, sheet); len(ids) != 10 {
		t.Errorf("TimelineJS sheet: %v", ids)
	}
	if ids := exportListIDs(t, "--topic", "eras", eras); len(ids) != 3 {
		t.Errorf("eras: %v", ids)
	}
	// Several files merge into one timeline.
	code, stdout, stderr := exportRun(t, "list", json1, eras)
	if code != 0 || strings.Count(stdout, "\n") != 33 {
		t.Errorf("merged: exit %d, %d lines, %s", code, strings.Count(stdout, "\n"), stderr)
	}
	code, stdout, _ = exportRun(t, "validate", json1, sheet, eras)
	if code != 0 || strings.Count(stdout, ": ok") != 3 {
		t.Errorf("validate: exit %d, %s", code, stdout)
	}
}

func TestOpenClashingFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.yaml")
	b := filepath.Join(dir, "b.yaml")
	os.WriteFile(a, []byte("events:\n  - {id: e, title: From A, date: 2023-03-17}\n"), 0o644)
	os.WriteFile(b, []byte("events:\n  - {id: e, title: From B, date: 2023-03-18}\n"), 0o644)
	code, stdout, stderr := exportRun(t, "list", a, b)
	if code != 0 || !strings.Contains(stdout, "From A") || !strings.Contains(stdout, "From B") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, b+`: warning: id "e" is also used in `+a) || !strings.Contains(stderr, `"b.e"`) {
		t.Errorf("stderr %q", stderr)
	}
}

func TestNotAStoryExitsOne(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "photo.png")
	os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644)
	page := filepath.Join(dir, "sheet.html")
	os.WriteFile(page, []byte("<!DOCTYPE html><html><body>Sheet</body></html>"), 0o644)
	for _, p := range []string{png, page} {
		code, stdout, stderr := exportRun(t, "list", p)
		if code != 1 || stdout != "" || !strings.Contains(stderr, p+": not a dateline, TimelineJS or ACLED file: it looks like") {
			t.Errorf("%s: exit %d, %q", p, code, stderr)
		}
	}
	// Forcing a format still says what the file looks like.
	code, _, stderr := exportRun(t, "list", "--from", "acled", png)
	if code != 1 || !strings.Contains(stderr, "it looks like a PNG image") {
		t.Errorf("--from acled: exit %d, %q", code, stderr)
	}
}

func TestOpenACLED(t *testing.T) {
	p := filepath.Join(t.TempDir(), "acled.csv")
	os.WriteFile(p, []byte("event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,country,location,notes,fatalities,source\n"+
		"UKR1,17 March 2023,1,Battles,Armed clash,Military Forces of Russia (2000-),State forces,Ukraine,Bakhmut,\"Shelling, then a clash.\",3,Liga\n"+
		"UKR2,2023-03-18,2,Protests,Peaceful protest,Protesters (Ukraine),Protesters,Ukraine,Kyiv,,0,Liga\n"), 0o644)
	code, stdout, stderr := exportRun(t, "list", "--actor", "military-forces-of-russia-2000", p)
	if code != 0 || !strings.Contains(stdout, "Armed clash in Bakhmut") || strings.Contains(stdout, "Kyiv") {
		t.Errorf("exit %d: %s %s", code, stdout, stderr)
	}
	out := filepath.Join(t.TempDir(), "t.json")
	if code, _, stderr := exportRun(t, "export", "--to", "timelinejs", "-o", out, p); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	// The week of 18 March starts before the 17th, so ukr2 comes first.
	if ids := exportListIDs(t, out); !slices.Equal(ids, []string{"ukr2", "ukr1"}) {
		t.Errorf("round trip through TimelineJS: %v", ids)
	}
}
