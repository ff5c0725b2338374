package gdelt

import (
	"errors"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/internal/testutil"
)

// row makes a GDELT 2.0 export row of test values, with the columns given
// set.
func row(set map[int]string) string {
	f := make([]string, Columns)
	f[colID], f[colDay] = "1000001", "20230317"
	for i, v := range set {
		f[i] = v
	}
	return strings.Join(f, "\t")
}

var sample = row(map[int]string{colActor1Code: "FRAEDU", colActor1Name: "STUDENT", colActor1Type: "EDU",
	colActor2Code: "FRACOP", colActor2Name: "POLICE", colActor2Type: "COP", colEventCode: "145", colRootCode: "14",
	colQuadClass: "3", colGoldstein: "-7.0", colNumMentions: "12", colNumSources: "3", colNumArticles: "10", colAvgTone: "-3.2",
	colActionGeo: "Lyon, Rhône-Alpes, France", colSourceURL: "https://news.example.org/lyon"}) + "\n" +
	row(map[int]string{colID: "1000002", colDay: "20230318", colActor1Name: "STUDENT", colRootCode: "19", colSourceURL: "https://news.example.org/b"}) + "\n"

func TestIsExport(t *testing.T) {
	if !IsExport([]byte(sample)) {
		t.Error("sample not told")
	}
	for _, s := range []string{"a\tb\tc\n", strings.Replace(sample, "20230317", "2023-03-", 1), "date,title\n2023,x\n"} {
		if IsExport([]byte(s)) {
			t.Errorf("%q told as GDELT", s[:min(len(s), 30)])
		}
	}
}

func TestImport(t *testing.T) {
	s, warns, err := Import("x.export.CSV", strings.NewReader(sample))
	testutil.CheckImported(t, s, warns, err)
	if err != nil || len(warns) > 0 {
		t.Fatal(err, warns)
	}
	e := s.Events[0]
	if e.ID != "gdelt-1000001" || e.Date.String() != "2023-03-17" || e.Title != "Protest: STUDENT → POLICE" ||
		!strings.Contains(e.Summary, "CAMEO event code 145 (verbal conflict)") || !strings.HasSuffix(e.Summary, "Where: Lyon, Rhône-Alpes, France.") {
		t.Errorf("event: %+v", e)
	}
	if s.Topics[0].Title != "14 Protest" || s.Events[1].Title != "Fight: STUDENT" || len(s.Sources) != 2 || s.Sources[0].URL != "https://news.example.org/lyon" {
		t.Errorf("story: %+v", s)
	}
	if a := s.Actors[1]; a.Name != "POLICE" || a.Kind != model.KindGovernment || len(a.Aliases) != 1 || a.Aliases[0] != "FRACOP" {
		t.Errorf("actor: %+v", a)
	}
}

func TestImportProblems(t *testing.T) {
	_, _, err := Import("x", strings.NewReader(sample+"1\t2\t3\n"))
	var ps model.Problems
	if !errors.As(err, &ps) || ps[0].Line != 3 || !strings.Contains(ps[0].Msg, "3 tab-separated columns") {
		t.Errorf("short row: %v", err)
	}
	s, warns, err := Import("x", strings.NewReader(sample+"1\t2\t3"))
	if err != nil || len(s.Events) != 2 || len(warns) != 1 || !strings.Contains(warns[0].Msg, "cut short") {
		t.Errorf("cut short: %v %v", err, warns)
	}
}
