package cli

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/gen"
)

// list, export, count and the non-terminal root command load a file lean
// when they have a filter (model.KeepSummaries) and fetch back the
// summaries of the rows they write: every record written with a filter is
// the record the whole story's list writes, summary and all, and every
// event exported is the story's.
func TestFilteredCommandsWriteWholeItems(t *testing.T) {
	for _, format := range []gen.Format{gen.NDJSON, gen.Parquet} {
		t.Run(string(format), func(t *testing.T) { checkFilteredWhole(t, format) })
	}
}

func checkFilteredWhole(t *testing.T, format gen.Format) {
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Config{Events: 2000, Seed: 5}, format); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "story."+string(format), buf.String())
	whole := runCLI(t, "list", "--format", "ndjson", path)
	if whole.code != 0 {
		t.Fatalf("list: %d %s", whole.code, whole.stderr)
	}
	exported := runCLI(t, "export", "--to", "json", path)
	var story model.Story
	if err := json.Unmarshal([]byte(exported.stdout), &story); err != nil || len(story.Events) == 0 {
		t.Fatalf("export: %v %s", err, exported.stderr)
	}
	wholeEvents := map[string]model.Event{}
	actor := ""
	for _, e := range story.Events {
		wholeEvents[e.ID] = e
		if actor == "" && len(e.Actors) > 0 {
			actor = e.Actors[0].Actor
		}
	}
	all := map[string]bool{}
	for line := range strings.Lines(whole.stdout) {
		all[line] = true
	}
	for _, args := range [][]string{
		{"list", "--format", "ndjson", "--search", "ambush"},
		{"list", "--format", "ndjson", "--actor", actor},
		{"list", "--format", "ndjson", "--since", "2021-03", "--until", "2021-04"},
		{"export", "--to", "json", "--search", "ambush"},
		{"export", "--to", "json", "--actor", actor},
	} {
		r := runCLI(t, append(args, path)...)
		if r.code != 0 {
			t.Fatalf("%v: %d %s", args, r.code, r.stderr)
		}
		if args[0] == "export" {
			var got model.Story
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || len(got.Events) == 0 {
				t.Fatalf("%v: %v, %d events", args, err, len(got.Events))
			}
			for _, e := range got.Events {
				if want := wholeEvents[e.ID]; !reflect.DeepEqual(e, want) {
					t.Fatalf("%v wrote\n%+v\nwhere the story holds\n%+v", args, e, want)
				}
			}
			continue
		}
		n, summaries := 0, 0
		for line := range strings.Lines(r.stdout) {
			n++
			if strings.Contains(line, `"summary"`) {
				summaries++
			}
			if !all[line] {
				t.Fatalf("%v wrote a record the whole story's list does not:\n%s", args, line)
			}
		}
		if n == 0 || summaries == 0 {
			t.Errorf("%v wrote %d records, %d with a summary", args, n, summaries)
		}
	}
	count := runCLI(t, "count", "--by", "year", "--search", "ambush", path)
	if count.code != 0 || !strings.Contains(count.stdout, "20") {
		t.Errorf("count: %d %q %s", count.code, count.stdout, count.stderr)
	}
}

// An actor that no row within the dates names, of a Parquet file whose
// rows outside them were not read, matches nothing, with a warning that
// says the file may name it elsewhere; without the dates, an id the file
// lacks is refused as before.
func TestParquetActorOutsideTheDates(t *testing.T) {
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Config{Events: 3000, Seed: 5}, gen.Parquet); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "story.parquet", buf.String())
	exported := runCLI(t, "export", "--to", "json", path)
	var story model.Story
	if err := json.Unmarshal([]byte(exported.stdout), &story); err != nil || len(story.Actors) == 0 {
		t.Fatalf("export: %v %s", err, exported.stderr)
	}
	actor := story.Actors[0].ID
	r := runCLI(t, "list", "--format", "ndjson", "--since", "2090", "--actor", actor, path)
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, `no item within the dates names the actor "`+actor+`"`) {
		t.Errorf("outside the dates: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, "list", "--actor", "no-such-actor", path)
	if r.code != ExitUsage || !strings.Contains(r.stderr, `unknown actor "no-such-actor"`) {
		t.Errorf("unknown: %d %q", r.code, r.stderr)
	}
}
