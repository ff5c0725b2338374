package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dateline/dateline/model/gen"
)

// list, count and the non-terminal root command load a file lean when
// they have a filter (model.KeepSummaries) and fetch back the summaries of
// the rows they write: every record written with a filter is the record
// the whole story's list writes, summary and all; export loads it whole.
func TestFilteredCommandsWriteWholeItems(t *testing.T) {
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Config{Events: 2000, Seed: 5}, gen.NDJSON); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "story.ndjson", buf.String())
	whole := runCLI(t, "list", "--format", "ndjson", path)
	if whole.code != 0 {
		t.Fatalf("list: %d %s", whole.code, whole.stderr)
	}
	all := map[string]bool{}
	for line := range strings.Lines(whole.stdout) {
		all[line] = true
	}
	for _, args := range [][]string{
		{"list", "--format", "ndjson", "--search", "ambush"},
		{"list", "--format", "ndjson", "--actor", "group-12"},
		{"list", "--format", "ndjson", "--since", "2021-03", "--until", "2021-04"},
		{"export", "--to", "json", "--search", "ambush"},
	} {
		r := runCLI(t, append(args, path)...)
		if r.code != 0 {
			t.Fatalf("%v: %d %s", args, r.code, r.stderr)
		}
		if args[0] == "export" {
			if !strings.Contains(r.stdout, `"summary"`) {
				t.Errorf("%v wrote no summary", args)
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
