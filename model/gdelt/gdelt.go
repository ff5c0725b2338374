package gdelt

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/internal/cameo"
	"github.com/dateline/dateline/model/sheet"
	"github.com/dateline/dateline/model/text"
)

// Columns is how many tab-separated columns a GDELT 2.0 event row has.
const Columns = 61

// The columns the importer reads (0-based; see the codebook).
const (
	colID          = 0
	colDay         = 1
	colActor1Code  = 5
	colActor1Name  = 6
	colActor1Type  = 12
	colActor2Code  = 15
	colActor2Name  = 16
	colActor2Type  = 22
	colEventCode   = 26
	colRootCode    = 28
	colQuadClass   = 29
	colGoldstein   = 30
	colNumMentions = 31
	colNumSources  = 32
	colNumArticles = 33
	colAvgTone     = 34
	colActionGeo   = 52
	colSourceURL   = 60
)

// IsExport reports whether a file's first bytes are a GDELT 2.0 event
// export: a first line of 61 tab-separated columns, the first a number,
// the second a day written YYYYMMDD.
func IsExport(head []byte) bool {
	line, _, ok := bytes.Cut(head, []byte("\n"))
	if !ok && len(head) >= 64<<10 {
		return false
	}
	f := bytes.Split(bytes.TrimRight(line, "\r"), []byte("\t"))
	if len(f) != Columns || len(f[colID]) == 0 || len(f[colDay]) != 8 {
		return false
	}
	_, err1 := strconv.ParseUint(string(f[colID]), 10, 64)
	_, ok2 := day(string(f[colDay]))
	return err1 == nil && ok2
}

// day turns YYYYMMDD into 2023-03-17.
func day(s string) (string, bool) {
	if len(s) != 8 {
		return "", false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	m, _ := strconv.Atoi(s[4:6])
	d, _ := strconv.Atoi(s[6:])
	y, _ := strconv.Atoi(s[:4])
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:], true
}

// maxProblems bounds how many errors one file reports.
const maxProblems = 200

// actorInfo is what a row says of an actor besides its name.
type actorInfo struct {
	code, typ string
}

// Import reads a GDELT 2.0 event export, named name in messages, into a
// story: each row an event. It returns the story and its warnings, or an
// error: model.Problems, each at its line and column. A last row cut short
// by the end of the file is left out with a warning.
func Import(name string, r io.Reader) (*model.Story, model.Problems, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	b := &sheet.Builder{Name: name, Unit: "line", Title: "GDELT events", DateColumn: "Day"}
	info := map[string]actorInfo{}
	var errs model.Problems
	more := 0
	fail := func(p model.Problem) {
		if len(errs) < maxProblems {
			errs = append(errs, p)
		} else {
			more++
		}
	}
	var (
		row    sheet.Row
		fields = make([]string, 0, Columns)
		line   = 0
		sb     strings.Builder
	)
	for {
		raw, err := br.ReadString('\n')
		if raw == "" && err != nil {
			if err != io.EOF {
				fail(model.Problem{File: name, Msg: "cannot read the file: " + text.CleanLine(err.Error())})
			}
			break
		}
		line++
		ended := strings.HasSuffix(raw, "\n")
		raw = strings.TrimRight(raw, "\r\n")
		if strings.TrimSpace(raw) == "" {
			continue
		}
		fields = fields[:0]
		for f := range strings.SplitSeq(raw, "\t") {
			fields = append(fields, f)
		}
		if len(fields) != Columns {
			if !ended && len(fields) < Columns {
				b.Warn(line, "the file ends in this row, which has %d of GDELT's %d columns, so it looks cut short: the row is left out and the rows before it are kept", len(fields), Columns)
				break
			}
			fail(model.Problem{File: name, Line: line, Msg: fmt.Sprintf("this row has %d tab-separated columns, not the %d of a GDELT 2.0 event export; check that the file was not edited or re-saved as CSV", len(fields), Columns)})
			continue
		}
		date, ok := day(fields[colDay])
		if !ok {
			fail(model.Problem{File: name, Line: line, Col: len(fields[colID]) + 2,
				Msg: fmt.Sprintf("Day %q is not a day written YYYYMMDD, as GDELT writes it", text.CleanLine(fields[colDay]))})
			continue
		}
		a1, a2 := text.CleanLine(fields[colActor1Name]), text.CleanLine(fields[colActor2Name])
		for _, a := range []struct{ name, code, typ string }{{a1, fields[colActor1Code], fields[colActor1Type]}, {a2, fields[colActor2Code], fields[colActor2Type]}} {
			if _, seen := info[a.name]; a.name != "" && !seen {
				info[a.name] = actorInfo{text.CleanLine(a.code), text.CleanLine(a.typ)}
			}
		}
		root := cameo.RootTopic(fields[colRootCode])
		row = sheet.Row{At: line, ID: "gdelt-" + fields[colID], Date: date,
			URL: fields[colSourceURL], Place: fields[colActionGeo], Actors: row.Actors[:0], Topics: row.Topics[:0]}
		if root != "" {
			row.Topics = append(row.Topics, root)
		}
		for _, a := range []string{a1, a2} {
			if a != "" {
				row.Actors = append(row.Actors, a)
			}
		}
		row.Title = title(root, fields[colEventCode], a1, a2, text.CleanLine(fields[colActionGeo]))
		row.Description = summary(&sb, fields)
		b.Add(&row)
	}
	if len(errs) > 0 {
		if more > 0 {
			errs = append(errs, model.Problem{File: name, Msg: fmt.Sprintf("and %d more problems like these", more)})
		}
		return nil, nil, errs
	}
	if b.Events() == 0 {
		b.Warn(0, "the file has no events; a GDELT 2.0 event export has one a line, 61 tab-separated columns")
	}
	s, warns, err := b.Finish()
	if s != nil {
		for i := range s.Actors {
			a := &s.Actors[i]
			in := info[a.Name]
			if in.code != "" && !strings.EqualFold(in.code, a.Name) {
				a.Aliases = []string{in.code}
			}
			a.Kind = kindOf(in.typ)
		}
	}
	return s, warns, err
}

// title is "Protest: STUDENT → POLICE", or the action's place without
// actors.
func title(root, code, a1, a2, place string) string {
	what := "Event"
	if root != "" {
		what = root[3:]
	} else if c := text.CleanLine(code); c != "" {
		what = "CAMEO " + c
	}
	switch {
	case a1 != "" && a2 != "":
		return what + ": " + a1 + " → " + a2
	case a1 != "" || a2 != "":
		return what + ": " + a1 + a2
	case place != "":
		return what + " in " + place
	}
	return what
}

// summary says the event code, its class, weight and coverage.
func summary(sb *strings.Builder, f []string) string {
	sb.Reset()
	if c := text.CleanLine(f[colEventCode]); c != "" {
		sb.WriteString("CAMEO event code " + c)
		if q, err := strconv.Atoi(f[colQuadClass]); err == nil && q >= 1 && q < len(cameo.QuadNames) {
			sb.WriteString(" (" + cameo.QuadNames[q] + ")")
		}
		sb.WriteString(". ")
	}
	if g := text.CleanLine(f[colGoldstein]); g != "" {
		sb.WriteString("Goldstein scale " + g + ". ")
	}
	if m := text.CleanLine(f[colNumMentions]); m != "" {
		fmt.Fprintf(sb, "%s mentions in %s sources and %s articles", m, text.CleanLine(f[colNumSources]), text.CleanLine(f[colNumArticles]))
		if t := text.CleanLine(f[colAvgTone]); t != "" {
			sb.WriteString("; average tone " + t)
		}
		sb.WriteString(".")
	}
	return strings.TrimSpace(sb.String())
}

// kindOf maps a CAMEO actor type code to an actor kind.
func kindOf(typ string) model.ActorKind {
	switch typ {
	case "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI":
		return model.KindGovernment
	case "MED":
		return model.KindMedia
	case "NGO", "IGO", "BUS", "EDU", "HLH", "MNC", "NGM":
		return model.KindOrganisation
	}
	return model.KindGroup
}
