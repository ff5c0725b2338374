package sheet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dateline/dateline/model/text"
)

// Field is what a column holds, for an event.
type Field int

// The fields a column may hold. Actors and Topics may come from several
// columns; the others from one.
const (
	ID Field = iota
	Date
	End
	Title
	Description
	Actors
	Topics
	URL
	Place
	numFields
)

// fieldNames are the fields' names in --map, in the order help shows them.
var fieldNames = [numFields]string{"id", "date", "end", "title", "description", "actors", "topics", "url", "place"}

// String is the field's name in --map.
func (f Field) String() string { return fieldNames[f] }

// synonyms are the column names each field is found by, normalised (see
// norm), in order of preference: the first is the spreadsheet words of
// issue 15, then ACLED's and GDELT's own column names, so that their data
// read the same from Parquet or an edited CSV.
var synonyms = [numFields][]string{
	ID:          {"id", "eventid", "uniqueid", "eventidcnty", "globaleventid"},
	Date:        {"date", "start", "startdate", "when", "day", "edtf", "eventdate", "sqldate"},
	End:         {"end", "enddate"},
	Title:       {"title", "headline", "event", "name", "what"},
	Description: {"description", "text", "notes", "summary"},
	Actors:      {"actors", "actor", "who", "people", "actor1", "actor2", "assocactor1", "assocactor2", "actor1name", "actor2name"},
	Topics:      {"topics", "topic", "tags", "category", "eventtype", "subeventtype", "eventrootcode"},
	URL:         {"url", "link", "source", "sourceurl"},
	Place:       {"place", "location", "where", "actiongeofullname"},
}

// norm is a column or field name as matched: lower case, without spaces,
// underscores, hyphens, dots or a byte order mark.
func norm(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '_' || r == '-' || r == '.' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// IsCAMEORoot reports whether a column is GDELT's EventRootCode, whose
// codes become topics named by model/gdelt.
func IsCAMEORoot(column string) bool { return norm(column) == "eventrootcode" }

// Map says which column holds which field: --map date=When,title=What.
type Map map[Field][]string

// ParseMap reads a --map value: field=Column pairs separated by commas; a
// field given twice (actors=Who,actors=With) takes both columns. Field
// names are those of Fields, or any of their column synonyms.
func ParseMap(s string) (Map, error) {
	m := Map{}
	for pair := range strings.SplitSeq(s, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		k, v, ok := strings.Cut(pair, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || v == "" {
			return nil, fmt.Errorf("%q is not field=Column; write such as 'date=When,title=What happened'", text.CleanLine(pair))
		}
		f, ok := fieldOf(k)
		if !ok {
			return nil, fmt.Errorf("%q is not a field; use one of %s", text.CleanLine(k), strings.Join(fieldNames[:], ", "))
		}
		m[f] = append(m[f], v)
	}
	return m, nil
}

// Fields lists the field names --map takes.
func Fields() []string { return fieldNames[:] }

func fieldOf(name string) (Field, bool) {
	n := norm(name)
	for f := range numFields {
		if n == fieldNames[f] || slices.Contains(synonyms[f], n) {
			return f, true
		}
	}
	return 0, false
}

// Columns holds the columns each field is read from, as indexes into the
// header.
type Columns [numFields][]int

// Has reports whether the field has a column.
func (c *Columns) Has(f Field) bool { return len(c[f]) > 0 }

// Match places the header's columns: those m names first, then the rest by
// their names. It returns an error when m names a column the header lacks.
func Match(header []string, m Map) (Columns, error) {
	var c Columns
	used := make([]bool, len(header))
	normed := make([]string, len(header))
	for i, h := range header {
		normed[i] = norm(h)
	}
	for f := range numFields {
		for _, want := range m[f] {
			i := slices.Index(normed, norm(want))
			if i < 0 {
				return c, fmt.Errorf("--map names the column %q for %s, but there is no such column; the columns are %s",
					text.CleanLine(want), f, quoteColumns(header))
			}
			c[f] = append(c[f], i)
			used[i] = true
		}
	}
	for f := range numFields {
		if len(m[f]) > 0 {
			continue
		}
		for _, syn := range synonyms[f] {
			for i, n := range normed {
				if !used[i] && n == syn {
					c[f] = append(c[f], i)
					used[i] = true
				}
			}
			if len(c[f]) > 0 && f != Actors && f != Topics {
				break
			}
		}
	}
	return c, nil
}

// quoteColumns lists a header's names for a message, at most 30.
func quoteColumns(header []string) string {
	var q []string
	for i, h := range header {
		if i == 30 {
			q = append(q, fmt.Sprintf("and %d more", len(header)-30))
			break
		}
		q = append(q, strconv.Quote(text.CleanLine(strings.TrimPrefix(h, "\uFEFF"))))
	}
	if len(q) == 0 {
		return "none"
	}
	return strings.Join(q, ", ")
}

// Unplaced is the error for a header whose date column (or every text
// column) cannot be found: it lists the columns and a --map that would
// read them, guessed from the sample rows.
func Unplaced(header []string, c Columns, sample [][]string, order DateOrder) string {
	missing := "the dates"
	if c.Has(Date) {
		missing = "a title, description, actors or topics"
	}
	var pairs []string
	taken := map[int]bool{}
	for _, cols := range c {
		for _, i := range cols {
			taken[i] = true
		}
	}
	dateCol := -1
	if c.Has(Date) {
		dateCol = c[Date][0]
	} else {
		best := 0
		for i := range header {
			n := 0
			for _, rec := range sample {
				if i < len(rec) {
					if _, ok := ParseDate(rec[i], order); ok {
						n++
					}
				}
			}
			if n > best {
				best, dateCol = n, i
			}
		}
		if dateCol < 0 && len(header) > 0 {
			dateCol = 0
		}
	}
	if dateCol >= 0 {
		taken[dateCol] = true
		pairs = append(pairs, "date="+mapName(header[dateCol]))
	}
	if !c.Has(Title) && !c.Has(Description) {
		for i, h := range header {
			if !taken[i] && textColumn(sample, i) {
				pairs = append(pairs, "title="+mapName(h))
				break
			}
		}
	}
	msg := fmt.Sprintf("no column holds %s: the columns are %s; say which is which with --map, such as --map '%s' (fields: %s)",
		missing, quoteColumns(header), strings.Join(pairs, ","), strings.Join(fieldNames[:], ", "))
	if len(pairs) == 0 {
		msg = fmt.Sprintf("no column holds %s: the columns are %s; say which is which with --map field=Column,… (fields: %s)",
			missing, quoteColumns(header), strings.Join(fieldNames[:], ", "))
	}
	return msg
}

// mapName is a column name as it can be written in --map.
func mapName(h string) string {
	return strings.NewReplacer(",", "", "=", "", "'", "").Replace(text.CleanLine(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))))
}

// textColumn reports whether the sample's values in column i are mostly
// words rather than numbers.
func textColumn(sample [][]string, i int) bool {
	words := 0
	for _, rec := range sample {
		if i < len(rec) && strings.ContainsFunc(rec[i], unicode.IsLetter) {
			words++
		}
	}
	return words > 0 && 2*words >= len(sample)
}

// splitList splits a cell of several names on ';' or '|', dropping empty
// ones.
func splitList(cell string, out []string) []string {
	for cell != "" {
		i := strings.IndexAny(cell, ";|")
		part := cell
		if i >= 0 {
			part, cell = cell[:i], cell[i+1:]
		} else {
			cell = ""
		}
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
