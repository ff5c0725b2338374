package ui

import (
	"sort"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/timeaxis"
)

// The strip shows at the top of the timeline when the pane is at least
// stripMinHeight lines high, and takes stripHeight of them: the bars, the
// marker of the selected item's bucket, and the axis.
const (
	stripMinHeight = 12
	stripHeight    = 3
)

// levels are the bars' heights, lowest first.
var levels = []rune("▁▂▃▄▅▆▇█")

// Strip is the density of time over the timeline: the items the filters
// keep, counted in buckets of a unit chosen from their span so that the
// buckets fit the width, one bar each. It is counted when the rows or the
// width change (SetRows, SetSize); View only draws.
type Strip struct {
	ix      *model.Index
	st      *Styles
	rows    []int32
	width   int
	unit    timeaxis.Unit
	buckets []timeaxis.Bucket
	undated int
	// cells[i] is the first cell of bucket i; cells[len(buckets)] is width.
	cells []int
	bars  []rune // one per bucket
}

// NewStrip makes an empty strip over ix.
func NewStrip(ix *model.Index, st *Styles) Strip { return Strip{ix: ix, st: st} }

// rowKeys is the shown rows as timeaxis counts them: the day each sorts at.
type rowKeys struct {
	ix   *model.Index
	rows []int32
}

func (k rowKeys) Len() int                 { return len(k.rows) }
func (k rowKeys) Key(i int) edtf.Day       { return k.ix.SortDay(int(k.rows[i])) }
func (s *Strip) keys() timeaxis.Keys       { return rowKeys{s.ix, s.rows} }
func (s Strip) Buckets() []timeaxis.Bucket { return s.buckets }

// SetSize sets the strip's width (its height is stripHeight) and counts
// again for it.
func (s *Strip) SetSize(w int) {
	if w != s.width {
		s.width = w
		s.count()
	}
}

// SetRows counts the rows shown, ascending timeline positions.
func (s *Strip) SetRows(rows []int32) {
	s.rows = rows
	s.count()
}

// count buckets the rows: two binary searches a bucket, whatever the
// number of rows.
func (s *Strip) count() {
	s.buckets, s.cells, s.bars, s.undated = nil, nil, nil, 0
	if s.width <= 0 || s.ix == nil {
		return
	}
	k := s.keys()
	lo, hi, ok := timeaxis.Span(k)
	if !ok {
		s.undated = len(s.rows)
		return
	}
	s.unit = timeaxis.Choose(lo, hi, s.width)
	buckets, undated, err := timeaxis.Count(k, s.unit, lo, hi)
	if err != nil {
		return // Choose keeps the buckets within the width
	}
	s.buckets, s.undated = buckets, undated
	most := 1
	for _, b := range buckets {
		most = max(most, b.Count)
	}
	n := len(buckets)
	s.cells = make([]int, n+1)
	s.bars = make([]rune, n)
	for i, b := range buckets {
		s.cells[i] = i * s.width / n
		switch {
		case b.Count == 0:
			s.bars[i] = ' '
		default:
			// Ceiling, so that one item still shows.
			s.bars[i] = levels[(b.Count*len(levels)-1)/most]
		}
	}
	s.cells[n] = s.width
}

// Bucket is the index of the bucket holding the item at timeline position
// pos, or -1 (undated, or no strip).
func (s Strip) Bucket(pos int) int {
	if len(s.buckets) == 0 || pos < 0 {
		return -1
	}
	return timeaxis.Find(s.buckets, s.ix.SortDay(pos))
}

// BucketAt is the index of the bucket drawn at cell x, or -1.
func (s Strip) BucketAt(x int) int {
	if x < 0 || x >= s.width || len(s.buckets) == 0 {
		return -1
	}
	return sort.Search(len(s.buckets), func(i int) bool { return s.cells[i+1] > x })
}

// View draws stripHeight lines of the width: the bars, with the bucket of
// the item at sel (a timeline position, or -1) picked out, a ▲ under it
// with its label and count, and the axis: first and last bucket and the
// unit.
func (s Strip) View(sel int) string {
	if s.width <= 0 {
		return ""
	}
	ss := &s.st.Strip
	m := s.st.Width
	if len(s.buckets) == 0 {
		msg := "no dated items to chart"
		return fitWidth(m, "", s.width) + "\n" + fitWidth(m, ss.Label.Render(msg), s.width) + "\n" + fitWidth(m, "", s.width)
	}
	at := s.Bucket(sel)
	// Plain bars are painted a run at a time, either side of the selected.
	var bars, run strings.Builder
	for i, r := range s.bars {
		cells := strings.Repeat(string(r), s.cells[i+1]-s.cells[i])
		if i != at {
			run.WriteString(cells)
			continue
		}
		bars.WriteString(ss.Bar.Render(run.String()) + ss.Selected.Render(cells))
		run.Reset()
	}
	bars.WriteString(ss.Bar.Render(run.String()))
	return bars.String() + "\n" + s.markerLine(at) + "\n" + s.axisLine()
}

// markerLine puts ▲ under the middle of bucket at, with the bucket's label
// and count beside it, on the side with room.
func (s Strip) markerLine(at int) string {
	ss := &s.st.Strip
	m := s.st.Width
	if at < 0 {
		return fitWidth(m, ss.Label.Render("selected item is undated"), s.width)
	}
	b := s.buckets[at]
	col := (s.cells[at] + s.cells[at+1] - 1) / 2
	label := s.unit.Label(b.Start) + " · " + thousands(b.Count)
	lw := m.StringWidth(label)
	switch {
	case col+2+lw <= s.width:
		return fitWidth(m, strings.Repeat(" ", col)+ss.Marker.Render("▲")+" "+ss.Label.Render(label), s.width)
	case col-1-lw >= 0:
		return fitWidth(m, strings.Repeat(" ", col-1-lw)+ss.Label.Render(label)+" "+ss.Marker.Render("▲"), s.width)
	}
	return fitWidth(m, strings.Repeat(" ", col)+ss.Marker.Render("▲"), s.width)
}

// axisLine is the first bucket's label at the left, the last's at the
// right and the unit (and any undated items) between, as room allows.
func (s Strip) axisLine() string {
	ss := &s.st.Strip
	m := s.st.Width
	first := s.unit.Label(s.buckets[0].Start)
	last := s.unit.Label(s.buckets[len(s.buckets)-1].Start)
	mid := "per " + s.unit.String()
	if s.undated > 0 {
		mid += " · " + thousands(s.undated) + " undated"
	}
	fw, lw, mw := m.StringWidth(first), m.StringWidth(last), m.StringWidth(mid)
	if len(s.buckets) == 1 || fw+lw+2 > s.width {
		return fitWidth(m, ss.Label.Render(first+"  "+mid), s.width)
	}
	gap := s.width - fw - lw
	if mw+4 > gap {
		return ss.Label.Render(first + strings.Repeat(" ", gap) + last)
	}
	left := (gap - mw) / 2
	return ss.Label.Render(first+strings.Repeat(" ", left)) + ss.Axis.Render(mid) + ss.Label.Render(strings.Repeat(" ", gap-mw-left)+last)
}
