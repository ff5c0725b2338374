package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The smallest terminal the explorer draws in; below it, a message says so.
const (
	minWidth  = 40
	minHeight = 10
	// wideWidth is where the timeline and the detail pane sit side by side.
	wideWidth = 100
	// stackHeight is the body height from which a narrow terminal shows the
	// detail pane below the timeline rather than on enter.
	stackHeight = 18
)

// rect is a region of the screen, in cells.
type rect struct{ X, Y, W, H int }

func (r rect) contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// inner is the part of a framed pane inside its border.
func (r rect) inner(frameW, frameH int) rect {
	return rect{r.X + frameW/2, r.Y + frameH/2, max(0, r.W-frameW), max(0, r.H-frameH)}
}

// layoutMode says how the timeline and the detail pane share the body.
type layoutMode int

const (
	modeSide    layoutMode = iota // side by side
	modeStacked                   // detail below the timeline
	modeSingle                    // one pane at a time; enter opens the detail
)

// layout is where everything goes for one terminal size.
type layout struct {
	tooSmall                 bool
	mode                     layoutMode
	header, body, status     rect
	helpLine                 rect
	timeline, detail         rect // outer rectangles, borders included
	timelineIn, detailIn     rect // inside the borders
	frameW, frameH           int
	showTimeline, showDetail bool
}

// computeLayout lays the screen out for a w×h terminal. detailFocused
// matters only where one pane shows at a time. Pure: sizes in, rectangles out.
func computeLayout(w, h int, pane lipgloss.Style, detailFocused bool) layout {
	l := layout{frameW: pane.GetHorizontalFrameSize(), frameH: pane.GetVerticalFrameSize()}
	if w < minWidth || h < minHeight {
		l.tooSmall = true
		return l
	}
	l.header = rect{0, 0, w, 1}
	l.status = rect{0, h - 2, w, 1}
	l.helpLine = rect{0, h - 1, w, 1}
	l.body = rect{0, 1, w, h - 3}
	b := l.body
	switch {
	case w >= wideWidth:
		l.mode = modeSide
		tw := w * 3 / 5
		l.timeline = rect{b.X, b.Y, tw, b.H}
		l.detail = rect{b.X + tw, b.Y, w - tw, b.H}
		l.showTimeline, l.showDetail = true, true
	case b.H >= stackHeight:
		l.mode = modeStacked
		th := b.H * 11 / 20
		l.timeline = rect{b.X, b.Y, w, th}
		l.detail = rect{b.X, b.Y + th, w, b.H - th}
		l.showTimeline, l.showDetail = true, true
	default:
		l.mode = modeSingle
		l.timeline, l.detail = b, b
		l.showTimeline, l.showDetail = !detailFocused, detailFocused
	}
	l.timelineIn = l.timeline.inner(l.frameW, l.frameH)
	l.detailIn = l.detail.inner(l.frameW, l.frameH)
	return l
}

// frame draws content in a pane's border, with the title set into the top
// edge. The border is drawn by hand around lines cut to the inside width:
// measuring and wrapping the whole pane again through Style.Render cost
// more than everything else in a frame.
func frame(m ansi.Method, style lipgloss.Style, titleStyle lipgloss.Style, title, content string, w, h int) string {
	if w < 2 || h < 2 {
		return ""
	}
	bd := style.GetBorderStyle()
	edge := titleStyle.UnsetBold().UnsetBackground().Foreground(style.GetBorderTopForeground())
	padL, padR := style.GetPaddingLeft(), style.GetPaddingRight()
	inW := max(0, w-2-padL-padR)
	var b strings.Builder
	b.Grow(w * h * 4)
	// ╭─ title ──╮: two corners, one edge, two spaces and the fill.
	title = truncate(m, clipRow(title, w), max(0, w-5), "…")
	fill := w - 5 - m.StringWidth(title)
	if title == "" || fill < 0 {
		b.WriteString(edge.Render(bd.TopLeft + strings.Repeat(bd.Top, w-2) + bd.TopRight))
	} else {
		b.WriteString(edge.Render(bd.TopLeft+bd.Top+" ") + titleStyle.Render(title) + edge.Render(" "+strings.Repeat(bd.Top, fill)+bd.TopRight))
	}
	left := edge.Render(bd.Left) + strings.Repeat(" ", min(padL, max(0, w-2)))
	right := strings.Repeat(" ", min(padR, max(0, w-2-padL))) + edge.Render(bd.Right)
	lines := strings.SplitN(content, "\n", h)
	for i := range h - 2 {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		b.WriteByte('\n')
		b.WriteString(left)
		b.WriteString(fitWidth(m, line, inW))
		b.WriteString(right)
	}
	b.WriteByte('\n')
	b.WriteString(edge.Render(bd.BottomLeft + strings.Repeat(bd.Bottom, w-2) + bd.BottomRight))
	return b.String()
}

// fitLines makes s exactly h lines of exactly w cells, as m measures
// them: cut, or padded.
func fitLines(m ansi.Method, s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = fitWidth(m, l, w)
	}
	return strings.Join(lines, "\n")
}

// fitWidth cuts or pads one line to exactly w cells.
func fitWidth(m ansi.Method, line string, w int) string {
	if w <= 0 {
		return ""
	}
	lw := m.StringWidth(line)
	if lw > w {
		line = truncate(m, line, w, "…")
		lw = m.StringWidth(line)
	}
	if lw < w {
		line += strings.Repeat(" ", w-lw)
	}
	return line
}

// truncate is m.Truncate, but never wider than w as m.StringWidth counts:
// with wcwidth, Truncate measures a ZWJ sequence as one cluster while
// StringWidth adds up its runes, so Truncate alone can leave a line
// wider than the pane.
func truncate(m ansi.Method, s string, w int, tail string) string {
	out := m.Truncate(s, w, tail)
	for over := m.StringWidth(out) - w; over > 0; over = m.StringWidth(out) - w {
		if w -= over; w <= 0 {
			return ""
		}
		out = m.Truncate(s, w, tail)
	}
	return out
}
