package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/report"
)

func TestWriteListNDJSON(t *testing.T) {
	ix := model.NewIndex(loadBuiltIn(t))
	rows := ix.Query(model.Filter{})
	var nd, arr bytes.Buffer
	if err := report.WriteListNDJSON(&nd, ix, rows); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteListJSON(&arr, ix, rows); err != nil {
		t.Fatal(err)
	}
	var want []report.ListItem
	if err := json.Unmarshal(arr.Bytes(), &want); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(nd.String(), "\n"), "\n")
	if len(lines) != len(rows) {
		t.Fatalf("%d lines for %d rows", len(lines), len(rows))
	}
	for i, l := range lines {
		var got report.ListItem
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d is not one JSON object: %v", i+1, err)
		}
		if got.ID != want[i].ID || got.Title != want[i].Title || got.Date != want[i].Date {
			t.Errorf("line %d is %s %q, the JSON array has %s %q", i+1, got.ID, got.Title, want[i].ID, want[i].Title)
		}
	}
}

func TestWriteListCSV(t *testing.T) {
	ix := model.NewIndex(loadBuiltIn(t))
	rows := ix.Query(model.Filter{})
	var b bytes.Buffer
	if err := report.WriteListCSV(&b, ix, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("the output is not CSV: %v", err)
	}
	if strings.Join(recs[0], ",") != strings.Join(report.ListCSVHeader, ",") {
		t.Errorf("header %v", recs[0])
	}
	if len(recs) != len(rows)+1 {
		t.Fatalf("%d records for %d rows", len(recs), len(rows))
	}
	for i, p := range rows {
		it := ix.At(int(p))
		rec := recs[i+1]
		if rec[0] != it.ID() || rec[2] != it.Date().String() || rec[6] != ix.Title(int(p)) && rec[6] != "'"+ix.Title(int(p)) {
			t.Errorf("row %d: %v", i, rec[:7])
		}
		if it.Kind() == model.StatementItem && rec[7] != it.Statement.Quote {
			t.Errorf("row %d: text %q, want the quote", i, rec[7])
		}
	}
}

func TestCSVFormulaGuard(t *testing.T) {
	s := &model.Story{Events: []model.Event{{ID: "e", Title: "=HYPERLINK(\"x\")", Summary: "@SUM(A1)"}}}
	ix := model.NewIndex(s)
	var b bytes.Buffer
	if err := report.WriteListCSV(&b, ix, ix.Query(model.Filter{})); err != nil {
		t.Fatal(err)
	}
	recs, _ := csv.NewReader(&b).ReadAll()
	if recs[1][6] != "'=HYPERLINK(\"x\")" || recs[1][7] != "'@SUM(A1)" {
		t.Errorf("formula cells not guarded: %q", recs[1])
	}
}

func TestWriteListMarkdown(t *testing.T) {
	s := loadBuiltIn(t)
	ix := model.NewIndex(s)
	rows := ix.Query(model.Filter{})
	var b bytes.Buffer
	if err := report.WriteListMarkdown(&b, ix, rows); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	if !strings.HasPrefix(md, "# ") {
		t.Errorf("no title heading:\n%.200s", md)
	}
	if n := strings.Count(md, "\n## "); n != len(rows) {
		t.Errorf("%d item headings for %d rows", n, len(rows))
	}
	quotes, cited := 0, 0
	for _, p := range rows {
		it := ix.At(int(p))
		if !strings.Contains(md, it.Date().Display()) {
			t.Errorf("the report lacks the date %q of %s", it.Date().Display(), it.ID())
		}
		if st := it.Statement; st != nil {
			quotes++
			// The quote's first words, escaped as the report escapes them.
			words := strings.Fields(st.Quote)
			if len(words) > 3 {
				words = words[:3]
			}
			if first := strings.Join(words, " "); !strings.Contains(unescapeMD(md), first) {
				t.Errorf("the report lacks the quote of %s (%q)", st.ID, first)
			}
		}
	}
	for _, src := range s.Sources {
		if src.URL != "" && strings.Contains(md, "(<"+src.URL+">)") {
			cited++
		}
	}
	if quotes == 0 || cited == 0 {
		t.Errorf("the report has %d quotes and %d linked sources", quotes, cited)
	}
}

func unescapeMD(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\*`, "*", `\_`, "_", `\[`, "[", `\]`, "]", `\<`, "<", `\>`, ">", `\|`, "|", `\#`, "#", `\~`, "~", "\\`", "`").Replace(s)
}

func TestMarkdownEscapes(t *testing.T) {
	s := &model.Story{
		Title:  "A *bold* | claim",
		Events: []model.Event{{ID: "e", Title: "# not a heading", Summary: "- not a list\n1. not numbered\n<script>"}},
	}
	ix := model.NewIndex(s)
	var b bytes.Buffer
	if err := report.WriteListMarkdown(&b, ix, ix.Query(model.Filter{})); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{`# A \*bold\* \| claim`, `\# not a heading`, `\- not a list`, `1\. not numbered`, `\<script\>`} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %s:\n%s", want, md)
		}
	}
}

// loadBuiltIn loads the built-in story, which every format must write.
func loadBuiltIn(t testing.TB) *model.Story {
	t.Helper()
	s, _, err := model.Load(content.StoryName, content.Story())
	if err != nil {
		t.Fatalf("built-in story: %v", err)
	}
	return s
}
