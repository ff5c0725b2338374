package timelinejs

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/internal/csvtail"
	"github.com/dateline/dateline/model/text"
)

// SheetHeader is the header row of the TimelineJS spreadsheet template.
var SheetHeader = []string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background"}

// The columns the importer reads, by their index in SheetHeader.
const (
	colYear = iota
	colMonth
	colDay
	colTime
	colEndYear
	colEndMonth
	colEndDay
	colEndTime
	colDisplay
	colHeadline
	colText
	colMedia
	colCredit
	colCaption
	colThumbnail
	colType
	colGroup
	colBackground
	numCols
)

// IsSheetHeader reports whether a CSV header row is the TimelineJS
// template's: it names at least Year and Headline, and most of the rest.
func IsSheetHeader(fields []string) bool {
	cols := sheetColumns(fields)
	found := 0
	for _, i := range cols {
		if i >= 0 {
			found++
		}
	}
	return cols[colYear] >= 0 && cols[colHeadline] >= 0 && found >= numCols/2
}

// sheetColumns maps each column the importer reads to its index in the
// header, or -1. Names match ignoring case and surrounding space.
func sheetColumns(header []string) [numCols]int {
	var cols [numCols]int
	for i := range cols {
		cols[i] = -1
	}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		for c, name := range SheetHeader {
			if cols[c] < 0 && strings.EqualFold(h, name) {
				cols[c] = i
			}
		}
	}
	return cols
}

// ImportCSV reads the TimelineJS spreadsheet template saved as CSV, named
// name in messages, into a story: a row whose Type is "title" is the title
// slide, "era" an era, and any other an event. Problems are reported at
// the row's line, and at the column's place where one field is to blame.
//
// An empty file is an empty story, with a warning. A last row cut short by
// the end of the file (fewer columns than the header and no line break
// after it, or a quoted field left open) is left out with a warning, and
// the rows before it are kept. Bytes that are not UTF-8 are shown as
// U+FFFD, and a warning counts them.
func ImportCSV(name string, r io.Reader) (*model.Story, model.Problems, error) {
	src := &csvtail.Tail{R: model.GuardBinary(name, r)}
	br := bufio.NewReaderSize(src, 64<<10)
	if csvtail.Blank(br) {
		return &model.Story{}, model.Problems{{File: name, Warning: true,
			Msg: "the file is empty, so the story has nothing in it yet; a TimelineJS sheet starts with the header row " + strings.Join(SheetHeader, ",")}}, nil
	}
	cr := csv.NewReader(br) // reads br itself, so src counts what it has read
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, nil, model.Problems{csvtail.Problem(name, err)}
	}
	cols := sheetColumns(header)
	var missing []string
	for _, c := range []int{colYear, colHeadline} {
		if cols[c] < 0 {
			missing = append(missing, SheetHeader[c])
		}
	}
	if len(missing) > 0 {
		return nil, nil, model.Problems{{File: name, Line: 1, Col: 1,
			Msg: fmt.Sprintf("this is not a TimelineJS sheet: the header has no %s column; the template's header is %s",
				strings.Join(missing, " or "), strings.Join(SheetHeader, ","))}}
	}
	doc := &rawDoc{}
	var errs, warns model.Problems
	var bad utf8Count
	for rec, p := range src.Rows(name, cr, len(header)) {
		if p != nil {
			if p.Warning {
				warns = append(warns, *p)
			} else if errs = append(errs, *p); len(errs) > maxProblems {
				break
			}
			continue
		}
		for _, i := range cols {
			if i >= 0 && i < len(rec) {
				bad.count(rec[i], func() (int, int) { return cr.FieldPos(i) })
			}
		}
		line, col := cr.FieldPos(0)
		field := func(c int) string {
			if i := cols[c]; i >= 0 && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if allEmpty(rec) {
			continue
		}
		s := rawSlide{
			at:       pos{line, col},
			headline: field(colHeadline), text: field(colText),
			media:   rawMedia{url: field(colMedia), caption: field(colCaption), credit: field(colCredit)},
			group:   field(colGroup),
			display: field(colDisplay),
		}
		if field(colYear) != "" || field(colMonth) != "" || field(colDay) != "" || field(colTime) != "" {
			s.start = &rawDate{year: field(colYear), month: field(colMonth), day: field(colDay), time: field(colTime)}
		}
		if field(colEndYear) != "" || field(colEndMonth) != "" || field(colEndDay) != "" || field(colEndTime) != "" {
			s.end = &rawDate{year: field(colEndYear), month: field(colEndMonth), day: field(colEndDay), time: field(colEndTime)}
			if s.end.year == "" && s.start != nil {
				s.end.year = s.start.year // an end on the same year, written as its month and day
			}
		}
		switch t := strings.ToLower(field(colType)); t {
		case "title":
			if doc.title != nil {
				warns = append(warns, model.Problem{File: name, Line: line, Col: col, Warning: true,
					Msg: fmt.Sprintf("a second title row (the first is at line %d); this one is read as an event", doc.title.at.line)})
				doc.events = append(doc.events, s)
				continue
			}
			doc.title = &s
		case "era":
			doc.eras = append(doc.eras, s)
		case "", "event":
			doc.events = append(doc.events, s)
		default:
			warns = append(warns, model.Problem{File: name, Line: line, Col: col, Warning: true,
				Msg: fmt.Sprintf("Type %q is not one TimelineJS knows (title, era, or empty for an event); read as an event", text.CleanLine(t))})
			doc.events = append(doc.events, s)
		}
	}
	if w, ok := bad.warning(name); ok {
		warns = append(warns, w)
	}
	if len(errs) > 0 {
		return nil, warns, capProblems(errs)
	}
	st, w, err := convert(name, doc)
	return st, append(warns, w...), err
}

// utf8Count counts the bytes that are not UTF-8 in what an importer reads,
// and where the first was, for one warning.
type utf8Count struct {
	n         int
	line, col int
}

// count adds the bad bytes of s; at tells where s is, asked only once.
func (c *utf8Count) count(s string, at func() (line, col int)) {
	if utf8.ValidString(s) {
		return
	}
	for j := 0; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError && size == 1 {
			if c.n == 0 {
				c.line, c.col = at()
			}
			c.n++
		}
		j += size
	}
}

// warning is the warning that counts the bad bytes, if there were any.
func (c *utf8Count) warning(name string) (model.Problem, bool) {
	if c.n == 0 {
		return model.Problem{}, false
	}
	what := "1 byte that is not UTF-8 is"
	if c.n > 1 {
		what = fmt.Sprintf("%d bytes that are not UTF-8 are", c.n)
	}
	return model.Problem{File: name, Line: c.line, Col: c.col, Warning: true,
		Msg: what + " shown as \uFFFD (the first is here); if the file is in another encoding, such as Latin-1 or Windows-1252, save it as UTF-8"}, true
}

func allEmpty(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
