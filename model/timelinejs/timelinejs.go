package timelinejs

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/text"
)

// pos is a place in the input file.
type pos struct{ line, col int }

// rawDate is a date as the file writes it, before any checking.
type rawDate struct {
	year, month, day                  string
	hour, minute, second, millisecond string
	time                              string // the spreadsheet's Time column, as written
	display                           string
	bad                               string // why the date is unusable, if it is not an object
}

func (d *rawDate) empty() bool {
	return d == nil || d.year == "" && d.month == "" && d.day == "" && d.hour == "" && d.time == ""
}

type rawMedia struct{ url, caption, credit string }

// rawSlide is a title slide, event or era as the file writes it.
type rawSlide struct {
	at             pos
	start, end     *rawDate
	headline, text string
	media          rawMedia
	group          string
	display        string
	uniqueID       string
	edtf           string
	bad            []string // fields of the wrong type
}

// rawDoc is a whole timeline before conversion.
type rawDoc struct {
	title        *rawSlide
	events, eras []rawSlide
	scale        string
	scaleAt      pos
}

// converter turns a rawDoc into a story.
type converter struct {
	name  string
	s     *model.Story
	errs  model.Problems
	warns model.Problems
	ids   map[string]pos // every id given out, and where it came from
	topic map[string]string
	media map[string]string
}

// maxProblems bounds how many errors one file reports.
const maxProblems = 200

func (c *converter) fail(at pos, format string, args ...any) {
	c.errs = append(c.errs, model.Problem{File: c.name, Line: at.line, Col: at.col, Msg: fmt.Sprintf(format, args...)})
}

func (c *converter) warn(at pos, format string, args ...any) {
	c.warns = append(c.warns, model.Problem{File: c.name, Line: at.line, Col: at.col, Warning: true, Msg: fmt.Sprintf(format, args...)})
}

// unique gives out base, or base-2, base-3… when it is taken.
func (c *converter) unique(base string, at pos) string {
	id := base
	for n := 2; ; n++ {
		if _, taken := c.ids[id]; !taken {
			c.ids[id] = at
			return id
		}
		id = base + "-" + strconv.Itoa(n)
	}
}

// convert makes a story of d, validates it, and returns it with its
// warnings, or every error found.
func convert(name string, d *rawDoc) (*model.Story, model.Problems, error) {
	c := &converter{name: name, s: &model.Story{}, ids: map[string]pos{}, topic: map[string]string{}, media: map[string]string{}}
	switch strings.ToLower(d.scale) {
	case "", "human", "cosmological":
	default:
		c.warn(d.scaleAt, "scale %q is neither \"human\" nor \"cosmological\"; read the years as written", text.CleanLine(d.scale))
	}
	if t := d.title; t != nil {
		c.s.Title = text.CleanLine(PlainText(t.headline, false))
		desc := []string{PlainText(t.text, true)}
		if u := strings.TrimSpace(t.media.url); u != "" {
			if isAddress(u) {
				desc = append(desc, "Media: "+u)
			} else {
				desc = append(desc, PlainText(u, true))
			}
		}
		c.s.Description = text.Clean(joinParas(desc...))
	}
	// Ids first, so that the ids the file chose win over the ones made here.
	eventIDs := make([]string, len(d.events))
	for i := range d.events {
		eventIDs[i] = c.eventID(&d.events[i])
	}
	eraIDs := make([]string, len(d.eras))
	for i := range d.eras {
		e := &d.eras[i]
		slug := model.Slug(PlainText(e.headline, false))
		if !isEraWord(slug) {
			slug = "era-" + cmp.Or(slug, strconv.Itoa(i+1))
		}
		eraIDs[i] = c.unique(slug, e.at)
	}
	for i := range d.events {
		c.event(&d.events[i], eventIDs[i])
	}
	if len(d.eras) > 0 {
		erasTopic := c.unique("eras", pos{})
		c.s.Topics = append(c.s.Topics, model.Topic{ID: erasTopic, Title: "Eras",
			Description: "The timeline's eras: each is an event spanning the period, titled \"Era: …\"."})
		for i := range d.eras {
			c.era(&d.eras[i], eraIDs[i], erasTopic)
		}
	}
	if len(d.events) == 0 && len(d.eras) == 0 {
		c.warn(pos{}, "the timeline has no events")
	}
	return c.finish()
}

func (c *converter) finish() (*model.Story, model.Problems, error) {
	if len(c.errs) > 0 {
		return nil, c.warns, capProblems(c.errs)
	}
	if bad := model.CheckBuilt(c.name, c.s, "the import", maxProblems); len(bad) > 0 {
		return nil, c.warns, bad
	}
	return c.s, c.warns, nil
}

// capProblems keeps the first maxProblems and says how many more there were.
func capProblems(ps model.Problems) model.Problems {
	if len(ps) <= maxProblems {
		return ps
	}
	more := len(ps) - maxProblems
	out := slices.Clone(ps[:maxProblems])
	return append(out, model.Problem{File: ps[0].File, Msg: fmt.Sprintf("and %d more problems like these", more)})
}

func (c *converter) eventID(e *rawSlide) string {
	if u := strings.TrimSpace(e.uniqueID); u != "" {
		id := model.SanitizeID(u)
		if id == "" {
			c.warn(e.at, "unique_id %q has no letter or digit to make an id of; the id comes from the headline", text.CleanLine(u))
		} else {
			if first, taken := c.ids[id]; taken {
				got := c.unique(id, e.at)
				c.warn(e.at, "unique_id %q is used again (first at line %d); this event's id is %q", text.CleanLine(u), first.line, got)
				return got
			}
			return c.unique(id, e.at)
		}
	}
	return c.unique(cmp.Or(model.Slug(PlainText(e.headline, false)), "event"), e.at)
}

func (c *converter) event(e *rawSlide, id string) {
	c.checkTypes(e, "event")
	ev := model.Event{ID: id}
	date, times, ok := c.date(e, "event")
	if !ok {
		return
	}
	ev.Date = date
	body := PlainText(e.text, true)
	ev.Title = text.CleanLine(PlainText(e.headline, false))
	if ev.Title == "" {
		ev.Title = text.CleanLine(firstWords(body, 60))
	}
	if ev.Title == "" {
		ev.Title = "Untitled event"
	}
	paras := []string{body}
	if u := strings.TrimSpace(e.media.url); u != "" {
		if isAddress(u) {
			ev.Citations = []model.Citation{{Source: c.source(e.media, e.at)}}
		} else {
			paras = append(paras, PlainText(u, true), PlainText(e.media.caption, true), PlainText(e.media.credit, true))
		}
	}
	paras = append(paras, c.dateNotes(e, date, times))
	ev.Summary = text.Clean(joinParas(paras...))
	if g := text.CleanLine(strings.TrimSpace(PlainText(e.group, false))); g != "" {
		ev.Topics = []string{c.groupTopic(g, e.at)}
	}
	c.s.Events = append(c.s.Events, ev)
}

func (c *converter) era(e *rawSlide, id, topic string) {
	c.checkTypes(e, "era")
	date, _, ok := c.date(e, "era")
	if !ok {
		return
	}
	if e.end.empty() {
		c.warn(e.at, "this era has no end_date; TimelineJS needs one, so the era is the start date alone")
	}
	title := text.CleanLine(PlainText(e.headline, false))
	switch {
	case title == "":
		title = "Era"
	case !isEraWord(model.Slug(title)):
		title = "Era: " + title
	}
	c.s.Events = append(c.s.Events, model.Event{
		ID: id, Date: date, Title: title, Topics: []string{topic},
		Summary: text.Clean(joinParas(PlainText(e.text, true), c.dateNotes(e, date, ""))),
	})
}

// checkTypes reports the fields the JSON gave as lists or objects where
// TimelineJS wants text.
func (c *converter) checkTypes(e *rawSlide, what string) {
	for _, b := range e.bad {
		c.warn(e.at, "this %s's %s; it is left out", what, b)
	}
}

func (c *converter) groupTopic(g string, at pos) string {
	if id, ok := c.topic[g]; ok {
		return id
	}
	id := c.unique(cmp.Or(model.Slug(g), "group"), at)
	c.topic[g] = id
	c.s.Topics = append(c.s.Topics, model.Topic{ID: id, Title: g})
	return id
}

func (c *converter) source(m rawMedia, at pos) string {
	u := text.CleanLine(strings.TrimSpace(m.url))
	if id, ok := c.media[u]; ok {
		return id
	}
	credit := text.CleanLine(PlainText(m.credit, false))
	caption := text.CleanLine(PlainText(m.caption, false))
	site, page := siteAndPage(u)
	base := model.Slug(credit)
	if base == "" {
		base = model.Slug(site + " " + page)
	}
	outlet := credit
	if outlet == "" {
		outlet = host(u)
	}
	id := c.unique(cmp.Or(base, "media"), at)
	c.media[u] = id
	c.s.Sources = append(c.s.Sources, model.Source{ID: id, Outlet: outlet, Title: caption, URL: u})
	return id
}

// isEraWord reports whether a slug already says "era", so that an era
// titled "Era of…" is not called "Era: Era of…".
func isEraWord(slug string) bool { return slug == "era" || strings.HasPrefix(slug, "era-") }

// siteAndPage name an address for a source id: the site's main name
// (wikipedia for en.wikipedia.org, bbc for www.bbc.co.uk) and the last
// segment of its path.
func siteAndPage(u string) (site, page string) {
	h := host(u)
	labels := strings.Split(h, ".")
	switch n := len(labels); {
	case n >= 3 && len(labels[n-2]) <= 3:
		site = labels[n-3]
	case n >= 2:
		site = labels[n-2]
	default:
		site = h
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(u, "https:"), "http:"), "//")
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		rest = strings.TrimRight(rest[i:], "/")
		page = rest[strings.LastIndexByte(rest, '/')+1:]
		page = strings.TrimSuffix(page, filepath.Ext(page))
	}
	return site, page
}

// dateNotes keeps what the date cannot hold: the wording TimelineJS shows
// and the time of day.
func (c *converter) dateNotes(e *rawSlide, date edtf.Date, times string) string {
	var lines []string
	shown := strings.TrimSpace(PlainText(e.display, false))
	if shown == "" && e.start != nil {
		shown = strings.TrimSpace(PlainText(e.start.display, false))
		if e.end != nil {
			if end := strings.TrimSpace(PlainText(e.end.display, false)); end != "" {
				shown = strings.TrimSpace(shown + " – " + end)
			}
		}
	}
	if shown != "" && shown != date.Display() {
		lines = append(lines, "Shown as: "+shown)
	}
	if times != "" {
		lines = append(lines, "Time: "+times)
	}
	return strings.Join(lines, "\n")
}

// side is one end of a date, checked.
type side struct {
	year         int64
	month, day   int
	clock        string
	hasY, dropMD bool
}

// edtf writes the side as an EDTF date.
func (s side) edtf() string {
	if s.year < -9999 || s.year > 9999 {
		return "Y" + strconv.FormatInt(s.year, 10)
	}
	var b []byte
	if s.year < 0 {
		b = append(b, '-')
	}
	b = appendPadded(b, absInt(s.year), 4)
	if s.month > 0 {
		b = append(b, '-')
		b = appendPadded(b, int64(s.month), 2)
		if s.day > 0 {
			b = append(b, '-')
			b = appendPadded(b, int64(s.day), 2)
		}
	}
	return string(b)
}

// first and last are the side's earliest and latest (year, month, day).
func (s side) first() [3]int64 {
	return [3]int64{s.year, int64(max(s.month, 1)), int64(max(s.day, 1))}
}

func (s side) last() [3]int64 {
	m := s.month
	if m == 0 {
		m = 12
	}
	d := s.day
	if d == 0 {
		d = edtf.DaysIn(s.year, m)
	}
	return [3]int64{s.year, int64(m), int64(d)}
}

// date reads the slide's start and end into one EDTF date, and says the
// time of day, if any. ok is false after an error.
func (c *converter) date(e *rawSlide, what string) (edtf.Date, string, bool) {
	if e.start.empty() {
		if e.edtf == "" {
			c.warn(e.at, "this %s has no start_date; TimelineJS needs one, so it is undated here", what)
			return edtf.Date{}, "", true
		}
		d, err := edtf.Parse(strings.TrimSpace(e.edtf))
		if err != nil {
			c.fail(e.at, "this %s has no start_date, and its edtf %q is not an EDTF date: %v", what, text.CleanLine(e.edtf), err)
			return edtf.Date{}, "", false
		}
		return d, "", true
	}
	start, ok := c.side(e, e.start, "start_date")
	if !ok {
		return edtf.Date{}, "", false
	}
	dateText := start.edtf()
	times := start.clock
	if !e.end.empty() {
		end, ok := c.side(e, e.end, "end_date")
		if !ok {
			return edtf.Date{}, "", false
		}
		if cmpDate(end.last(), start.first()) < 0 {
			c.warn(e.at, "end_date %s is before start_date %s; read the other way round", end.edtf(), start.edtf())
			start, end = end, start
		}
		if es := end.edtf(); es != start.edtf() || end.clock != "" && end.clock != start.clock {
			if es != start.edtf() {
				dateText = start.edtf() + "/" + es
			}
			if end.clock != "" {
				times = strings.TrimSpace(times + " to " + end.clock)
			}
		}
	}
	d, err := edtf.Parse(dateText)
	if err != nil {
		c.fail(e.at, "this %s's date %s cannot be read as an EDTF date: %v", what, dateText, err)
		return edtf.Date{}, "", false
	}
	if x := strings.TrimSpace(e.edtf); x != "" {
		exact, err := edtf.Parse(x)
		switch {
		case err != nil:
			c.warn(e.at, "edtf %q is not an EDTF date (%v); the date is start_date and end_date", text.CleanLine(x), err)
		case exact.Latest() < d.Earliest() || exact.Earliest() > d.Latest():
			c.warn(e.at, "edtf %q does not agree with start_date and end_date (%s); the date is %s", text.CleanLine(x), dateText, dateText)
		default:
			d = exact
		}
	}
	return d, times, true
}

func (c *converter) side(e *rawSlide, r *rawDate, field string) (side, bool) {
	var s side
	if r.bad != "" {
		c.fail(e.at, "%s %s; write it as an object such as {\"year\": 2023, \"month\": 3, \"day\": 17}", field, r.bad)
		return s, false
	}
	y, err := parseYear(r.year)
	if err != nil {
		c.fail(e.at, "%s.year %q is not a year; write a whole number such as 1815 or -500", field, text.CleanLine(r.year))
		return s, false
	}
	s.year = astronomical(y)
	if r.month != "" {
		m, ok := parseMonth(r.month)
		if !ok {
			c.fail(e.at, "%s.month %q is not a month; write 1 to 12", field, text.CleanLine(r.month))
			return s, false
		}
		s.month = m
	}
	if r.day != "" {
		d, err := strconv.Atoi(strings.TrimSpace(r.day))
		switch {
		case err != nil || d < 1 || d > 31:
			c.fail(e.at, "%s.day %q is not a day of the month; write 1 to 31", field, text.CleanLine(r.day))
			return s, false
		case s.month == 0:
			c.warn(e.at, "%s has a day (%d) but no month; the day is left out", field, d)
		case d > edtf.DaysIn(s.year, s.month):
			c.fail(e.at, "%s is %d-%02d-%02d, but that month has %d days", field, s.year, s.month, d, edtf.DaysIn(s.year, s.month))
			return s, false
		default:
			s.day = d
		}
	}
	if (s.year < -9999 || s.year > 9999) && s.month > 0 {
		c.warn(e.at, "%s: year %d keeps the year only, as EDTF writes years beyond four digits", field, s.year)
		s.month, s.day = 0, 0
	}
	s.clock = c.clock(e, r, field)
	return s, true
}

// clock formats the time of day, or warns about one that is not a time.
func (c *converter) clock(e *rawSlide, r *rawDate, field string) string {
	if t := strings.TrimSpace(r.time); t != "" {
		return text.CleanLine(t)
	}
	if r.hour == "" && r.minute == "" && r.second == "" {
		return ""
	}
	h, errH := strconv.Atoi(cmp.Or(strings.TrimSpace(r.hour), "0"))
	m, errM := strconv.Atoi(cmp.Or(strings.TrimSpace(r.minute), "0"))
	sec, errS := strconv.Atoi(cmp.Or(strings.TrimSpace(r.second), "0"))
	if errH != nil || errM != nil || errS != nil || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60 {
		c.warn(e.at, "%s has a time of day that is not one (hour %q, minute %q, second %q); it is left out",
			field, text.CleanLine(r.hour), text.CleanLine(r.minute), text.CleanLine(r.second))
		return ""
	}
	if r.second != "" {
		return fmt.Sprintf("%02d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

// astronomical turns a TimelineJS year into EDTF's. TimelineJS years are
// historical, at every scale: a negative year is that many years BC (-500
// is "500 BCE", -315000 is 315,000 BC), with no year zero. EDTF counts
// years astronomically, 0000 being 1 BC, so every negative year moves up
// by one: -500 becomes -0499, -315000 becomes Y-314999.
func astronomical(y int64) int64 {
	if y < 0 {
		return y + 1
	}
	return y
}

// fromAstronomical is the inverse of astronomical, for export.
func fromAstronomical(y int64) int64 {
	if y <= 0 {
		return y - 1
	}
	return y
}

func cmpDate(a, b [3]int64) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// parseYear reads a year written as a whole number, possibly as a JSON
// number with an exponent (1.38e10).
func parseYear(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if y, err := strconv.ParseInt(s, 10, 64); err == nil {
		return y, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1e15 {
		return 0, fmt.Errorf("not a year")
	}
	return int64(f), nil
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// parseMonth reads 1 to 12, or an English month name or its first three
// letters.
func parseMonth(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if m, err := strconv.Atoi(s); err == nil {
		return m, m >= 1 && m <= 12
	}
	lower := strings.ToLower(strings.TrimSuffix(s, "."))
	for i, name := range monthNames {
		if lower == name || len(lower) >= 3 && strings.HasPrefix(name, lower) {
			return i + 1, true
		}
	}
	return 0, false
}

func appendPadded(b []byte, n int64, width int) []byte {
	s := strconv.FormatInt(n, 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func absInt(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// isAddress reports whether a media url is a web address, rather than HTML
// or text to embed.
func isAddress(u string) bool {
	lower := strings.ToLower(u)
	return !strings.ContainsAny(u, " \t\n<>\"") &&
		(strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "//") || strings.HasPrefix(lower, "www."))
}

// host is the address's host name, for naming a source.
func host(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(u, "https:"), "http:"), "//")
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimPrefix(u, "www.")
}

// joinParas joins the non-empty paragraphs with blank lines.
func joinParas(ps ...string) string {
	var keep []string
	for _, p := range ps {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n\n")
}

// firstWords is the first line of s, cut to n runes at a word.
func firstWords(s string, n int) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
