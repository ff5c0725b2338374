package ui

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
)

// dateWidth is the width of the timeline's date gutter.
const dateWidth = 16

// chipMinWidth is the row width below which actor chips give their room
// to the title.
const chipMinWidth = 64

// Timeline is the scrolling list of events and statements. It draws only
// the rows on screen, so its cost does not grow with the story.
type Timeline struct {
	ix     *model.Index
	st     *Styles
	keys   KeyMap
	chips  *chipper
	rows   []int32 // timeline positions the filter keeps
	cursor int     // index into rows
	offset int     // first row on screen
	width  int
	height int // lines of rows, below the strip
	strip  Strip
	// stripH is the strip's height: stripHeight when the pane has room
	// for it, else 0.
	stripH int
	needle string // folded search text to highlight
}

// Position is the selected row's place, 1-based, for the pane's title.
func (t Timeline) Position() int { return t.cursor + 1 }

// NewTimeline makes an empty timeline over ix; SetRows fills it.
func NewTimeline(ix *model.Index, st *Styles, keys KeyMap) Timeline {
	return Timeline{ix: ix, st: st, keys: keys, chips: newChipper(ix, st), strip: NewStrip(ix, st)}
}

// SetNeedle sets the folded text the rows highlight ("" for none).
func (t *Timeline) SetNeedle(needle string) { t.needle = needle }

// HelpKeys implements component.
func (t Timeline) HelpKeys() []key.Binding {
	g := t.keys.Global
	return []key.Binding{t.keys.Scroll.Up, t.keys.Scroll.Down, t.keys.Timeline.Open, g.Search, g.Actors, g.Topics, g.Positions, g.Clear, g.Help, g.Quit}
}

// SetSize implements component: a pane of at least stripMinHeight lines
// gives the top stripHeight to the density strip.
func (t *Timeline) SetSize(w, h int) {
	t.stripH = 0
	if h >= stripMinHeight {
		t.stripH = stripHeight
	}
	t.width, t.height = w, h-t.stripH
	t.strip.SetSize(w)
	t.clamp()
}

// Strip is the density strip, for tests and the pane's title.
func (t Timeline) Strip() Strip { return t.strip }

// SetRows replaces the rows shown, keeping the selected item when it is
// still there, or the nearest item after it in time.
func (t *Timeline) SetRows(rows []int32) {
	sel, had := t.Selected()
	t.rows = rows
	t.strip.SetRows(rows)
	t.cursor = 0
	if had {
		t.cursor = nearestRow(rows, int32(sel))
	}
	t.clamp()
}

// nearestRow finds pos in the ascending rows, or the first row after it.
func nearestRow(rows []int32, pos int32) int {
	lo, hi := 0, len(rows)
	for lo < hi {
		mid := (lo + hi) / 2
		if rows[mid] < pos {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return min(lo, max(0, len(rows)-1))
}

// Len is the number of rows the filter keeps.
func (t Timeline) Len() int { return len(t.rows) }

// Selected is the timeline position of the selected item.
func (t Timeline) Selected() (int, bool) {
	if len(t.rows) == 0 {
		return 0, false
	}
	return int(t.rows[t.cursor]), true
}

// Select moves to the item at timeline position pos, if the filter keeps it.
func (t *Timeline) Select(pos int) bool {
	i := nearestRow(t.rows, int32(pos))
	if len(t.rows) == 0 || t.rows[i] != int32(pos) {
		return false
	}
	t.cursor = i
	t.center()
	return true
}

// FirstOnOrAfter is the index of the first row that sorts on or after
// day, and whether there is one: a binary search over the rows' SortDay.
// Undated rows sort after every day but are never on or after one.
func (t Timeline) FirstOnOrAfter(day edtf.Day) (int, bool) {
	i := sort.Search(len(t.rows), func(i int) bool { return t.ix.SortDay(int(t.rows[i])) >= day })
	if i == len(t.rows) || t.ix.SortDay(int(t.rows[i])) == edtf.MaxDay {
		return 0, false
	}
	return i, true
}

// SelectIndex selects the row at index i (0-based), centring it.
func (t *Timeline) SelectIndex(i int) {
	t.cursor = i
	t.clamp()
	t.center()
}

// Click selects what is at (x, y) of the pane's inside, for clicks: a
// row, or on the strip's bars the first item of that bucket of time.
func (t *Timeline) Click(x, y int) bool {
	if y == 0 && t.stripH > 0 {
		b := t.strip.BucketAt(x)
		if b < 0 {
			return false
		}
		i, ok := t.FirstOnOrAfter(t.strip.Buckets()[b].Start)
		if ok {
			t.SelectIndex(i)
		}
		return ok
	}
	y -= t.stripH
	i := t.offset + y
	if y < 0 || i >= len(t.rows) {
		return false
	}
	t.cursor = i
	return true
}

// Move moves the cursor by n rows, stopping at the ends.
func (t *Timeline) Move(n int) {
	t.cursor = max(0, min(len(t.rows)-1, t.cursor+n))
	t.clamp()
}

// Cycle moves the cursor by n rows, wrapping around the ends.
func (t *Timeline) Cycle(n int) {
	if len(t.rows) == 0 {
		return
	}
	t.cursor = ((t.cursor+n)%len(t.rows) + len(t.rows)) % len(t.rows)
	t.clamp()
}

func (t *Timeline) clamp() {
	t.cursor = max(0, min(t.cursor, len(t.rows)-1))
	if t.height <= 0 {
		return
	}
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+t.height {
		t.offset = t.cursor - t.height + 1
	}
	t.offset = max(0, min(t.offset, len(t.rows)-t.height))
}

func (t *Timeline) center() {
	t.offset = t.cursor - t.height/2
	t.clamp()
}

// Update implements component: movement keys, and new chips for new
// styles (the chipper caches drawn chips).
func (t Timeline) Update(msg tea.Msg) (Timeline, tea.Cmd) {
	switch msg := msg.(type) {
	case restyledMsg:
		t.chips = newChipper(t.ix, t.st)
	case tea.KeyPressMsg:
		if n, ok := t.keys.Scroll.moveBy(msg, t.height); ok {
			t.Move(n)
		}
	}
	return t, nil
}

// View implements component: exactly height lines of exactly width cells.
func (t Timeline) View() string {
	if t.width <= 0 || t.height <= 0 {
		return ""
	}
	if len(t.rows) == 0 {
		msg := "Nothing matches these filters. Press c to clear them."
		if t.ix.Len() == 0 {
			msg = "This story has no events or statements yet."
		}
		return fitLines(t.st.Width, t.st.Timeline.Empty.Render(t.st.Width.Wrap(msg, t.width, "")), t.width, t.height+t.stripH)
	}
	var b strings.Builder
	if t.stripH > 0 {
		sel := -1
		if p, ok := t.Selected(); ok {
			sel = p
		}
		b.WriteString(t.strip.View(sel))
		b.WriteByte('\n')
	}
	end := min(len(t.rows), t.offset+t.height)
	for i := t.offset; i < end; i++ {
		if i > t.offset {
			b.WriteByte('\n')
		}
		b.WriteString(renderRow(t.ix, t.st, t.chips, int(t.rows[i]), t.width, i == t.cursor, t.needle))
	}
	for i := end; i < t.offset+t.height; i++ {
		b.WriteString("\n" + strings.Repeat(" ", t.width))
	}
	return b.String()
}

// renderRow draws one timeline row in exactly width cells: a selection
// marker (visible without colour), the date gutter, the kind, the title with
// search matches highlighted, and the actors as chips.
func renderRow(ix *model.Index, st *Styles, chips *chipper, pos, width int, selected bool, needle string) string {
	rp := &st.Timeline.Paint[0]
	marker := "  "
	if selected {
		rp = &st.Timeline.Paint[1]
		marker = "▌ "
	}
	item := ix.At(pos)
	date := item.Date().Short() // "undated" for none
	kind, kindPaint := "● ", rp.Event
	if st := item.Statement; st != nil {
		kind, kindPaint = "❝ ", rp.Quote
		if st.Paraphrase {
			kind = "≈ " // reported speech, not the speaker's words
		}
	}
	// Fixed parts first; the title takes what is left after the chips.
	fixed := 2 + dateWidth + 1 + 2
	if width < fixed+4 {
		// Too narrow for the gutter: marker and title only.
		return rp.Row.Render(fitWidth(st.Width, marker+clipRow(ix.Title(pos), width), width))
	}
	room := width - fixed
	chipText, chipW := "", 0
	if width >= chipMinWidth {
		chipText, chipW = chips.render(ix.ItemActors(pos), room/3, rp, selected)
	}
	titleW := room - chipW
	title := truncate(st.Width, clipRow(ix.Title(pos), titleW), titleW, "…")
	var b strings.Builder
	b.WriteString(rp.Marker.Render(marker))
	b.WriteString(rp.Date.Render(fitWidth(st.Width, truncate(st.Width, date, dateWidth, "…"), dateWidth) + " "))
	b.WriteString(kindPaint.Render(kind))
	b.WriteString(highlight(title, needle, rp.Row, rp.Match))
	if pad := titleW - st.Width.StringWidth(title); pad > 0 {
		b.WriteString(rp.Row.Render(strings.Repeat(" ", pad)))
	}
	b.WriteString(chipText)
	return b.String()
}

// chipper draws actors as short coloured labels; an actor shares the colour
// of its top-most ancestor, so a country's people look alike.
type chipper struct {
	st    *Styles
	ix    *model.Index
	color map[string]int
	// cache holds each actor's chip, drawn on a plain and on a selected
	// row: measuring and styling names was most of a frame's cost. The
	// timeline makes a new chipper when the styles change.
	cache map[chipKey]chip
}

type chipKey struct {
	actor    *model.Actor
	selected bool
}

type chip struct {
	name, drawn string
	width       int
}

func newChipper(ix *model.Index, st *Styles) *chipper {
	c := &chipper{st: st, ix: ix, color: map[string]int{}, cache: map[chipKey]chip{}}
	root := -1
	for _, n := range ix.ActorTree() {
		if n.Depth == 0 {
			root++
		}
		c.color[n.Actor.ID] = root
	}
	return c
}

// shortName is the actor's name or its shortest alias, whichever fits a chip.
func shortName(m ansi.Method, a *model.Actor) string {
	const chipMax = 14
	best := capped(m, a.Name)
	for _, al := range a.Aliases {
		if al = capped(m, al); m.StringWidth(al) < m.StringWidth(best) && m.StringWidth(best) > chipMax {
			best = al
		}
	}
	return truncate(m, best, chipMax, "…")
}

// render draws as many chips as fit in room cells, separated by "·" so
// they read apart without colour; the first always shows, cut if need be,
// and "+n" counts the rest. It returns the text and its width.
func (c *chipper) render(actors []*model.Actor, room int, rp *RowPaints, selected bool) (string, int) {
	if room < 6 || len(actors) == 0 {
		return "", 0
	}
	var b strings.Builder
	used := 0
	for i, a := range actors {
		rest := len(actors) - i - 1
		reserve := 0
		if rest > 0 {
			reserve = 2 + len(strconv.Itoa(rest)) // " +n"
		}
		lead := " "
		if i > 0 {
			lead = "·"
		}
		ch := c.chip(a, selected, rp)
		if i > 0 && used+1+ch.width+reserve > room {
			tag := " +" + strconv.Itoa(len(actors)-i)
			b.WriteString(rp.Date.Render(tag))
			used += len(tag)
			break
		}
		b.WriteString(rp.Date.Render(lead))
		if i == 0 && 1+ch.width+reserve > room {
			// The first chip always shows, cut to fit.
			name := truncate(c.st.Width, ch.name, room-1-reserve, "…")
			b.WriteString(c.paint(a, rp).Render(name))
			used += 1 + c.st.Width.StringWidth(name)
			continue
		}
		b.WriteString(ch.drawn)
		used += 1 + ch.width
	}
	return b.String(), used
}

func (c *chipper) paint(a *model.Actor, rp *RowPaints) Paint {
	return rp.Chips[c.color[a.ID]%len(rp.Chips)]
}

// chip is the actor's chip, from the cache.
func (c *chipper) chip(a *model.Actor, selected bool, rp *RowPaints) chip {
	k := chipKey{a, selected}
	if ch, ok := c.cache[k]; ok {
		return ch
	}
	name := shortName(c.st.Width, a)
	ch := chip{name: name, drawn: c.paint(a, rp).Render(name), width: c.st.Width.StringWidth(name)}
	c.cache[k] = ch
	return ch
}

// clipRow cuts s to a prefix long enough to fill w cells, so that a row
// costs the same whatever the length of its text. A cell takes at least one
// byte; heavy combining marks may leave a row short, never long.
func clipRow(s string, w int) string {
	limit := 16*w + 64
	if len(s) <= limit {
		return s
	}
	for limit > 0 && !utf8.RuneStart(s[limit]) {
		limit--
	}
	return s[:limit] + "…"
}
