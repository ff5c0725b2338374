package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/timeaxis"
)

// CountRow is one row of `dateline count`: a bucket of time, its first
// and last day, and how many of the items fall in it. The undated items
// have a row of their own, with null days, so that the counts add up.
type CountRow struct {
	Bucket string  `json:"bucket"`
	Start  *string `json:"start"`
	End    *string `json:"end"`
	Count  int     `json:"count"`
}

// Rows is a timeline's rows as timeaxis.Keys: each at the day it sorts at.
type Rows struct {
	Ix   *model.Index
	Rows []int32
}

// Len implements timeaxis.Keys.
func (r Rows) Len() int { return len(r.Rows) }

// Key implements timeaxis.Keys.
func (r Rows) Key(i int) edtf.Day { return r.Ix.SortDay(int(r.Rows[i])) }

// Counts counts the rows in buckets of u, from the first dated row's
// bucket to the last's, empty buckets included; an item counts in the
// bucket of the day it sorts at (its earliest, or its latest when its
// start is open).
func Counts(ix *model.Index, rows []int32, u timeaxis.Unit) ([]CountRow, error) {
	keys := Rows{ix, rows}
	lo, hi, ok := timeaxis.Span(keys)
	var out []CountRow
	undated := len(rows)
	if ok {
		buckets, n, err := timeaxis.Count(keys, u, lo, hi)
		if err != nil {
			return nil, err
		}
		undated = n
		out = make([]CountRow, 0, len(buckets)+1)
		for _, b := range buckets {
			out = append(out, CountRow{Bucket: u.Label(b.Start), Start: dayString(b.Start), End: dayString(b.End), Count: b.Count})
		}
	}
	if undated > 0 {
		out = append(out, CountRow{Bucket: "undated", Count: undated})
	}
	return out, nil
}

// barWidth is the longest bar the text form draws.
const barWidth = 40

// eighths draw the end of a bar to an eighth of a cell.
var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// WriteCountText writes the rows as aligned columns with a bar each,
// scaled to the largest count.
func WriteCountText(w io.Writer, rows []CountRow) error {
	labelW, countW, most := len("bucket"), 1, 0
	for _, r := range rows {
		labelW = max(labelW, len(r.Bucket))
		countW = max(countW, len(strconv.Itoa(r.Count)))
		most = max(most, r.Count)
	}
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%-*s  %*d  %s\n", labelW, r.Bucket, countW, r.Count, bar(r.Count, most))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// bar is n's bar when most fills barWidth cells.
func bar(n, most int) string {
	if most == 0 || n == 0 {
		return ""
	}
	e := max(1, n*barWidth*8/most) // a count above zero always shows
	return strings.Repeat("█", e/8) + eighths[e%8]
}

// WriteCountJSON writes the rows as one JSON array.
func WriteCountJSON(w io.Writer, rows []CountRow) error {
	if rows == nil {
		rows = []CountRow{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}

// WriteCountCSV writes the rows with a header: bucket,start,end,count.
func WriteCountCSV(w io.Writer, rows []CountRow) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"bucket", "start", "end", "count"})
	for _, r := range rows {
		_ = cw.Write([]string{GuardCSVCell(r.Bucket), GuardCSVCell(deref(r.Start)), GuardCSVCell(deref(r.End)), strconv.Itoa(r.Count)})
	}
	cw.Flush()
	return cw.Error()
}
