package acled

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/internal/csvtail"
	"github.com/dateline/dateline/model/internal/huge"
	"github.com/dateline/dateline/model/internal/idset"
	"github.com/dateline/dateline/model/text"
)

// columns holds the index of each column the importer reads, or -1.
type columns struct {
	idCnty, idNoCnty, dataID, date, precision, eventType, subEventType,
	actor1, assoc1, inter1, actor2, assoc2, inter2,
	country, admin1, location, source, notes, fatalities int
}

func findColumns(header []string) columns {
	c := columns{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}
	at := map[string]*int{
		"event_id_cnty": &c.idCnty, "event_id_no_cnty": &c.idNoCnty, "data_id": &c.dataID,
		"event_date": &c.date, "time_precision": &c.precision, "event_type": &c.eventType,
		"sub_event_type": &c.subEventType, "actor1": &c.actor1, "assoc_actor_1": &c.assoc1,
		"inter1": &c.inter1, "actor2": &c.actor2, "assoc_actor_2": &c.assoc2, "inter2": &c.inter2,
		"country": &c.country, "admin1": &c.admin1, "location": &c.location, "source": &c.source,
		"notes": &c.notes, "fatalities": &c.fatalities,
	}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		if p, ok := at[h]; ok && *p < 0 {
			*p = i
		}
	}
	return c
}

// IsHeader reports whether a CSV header row is an ACLED export's: it names
// event_date, event_type and an event id column.
func IsHeader(fields []string) bool {
	c := findColumns(fields)
	return c.date >= 0 && c.eventType >= 0 && (c.idCnty >= 0 || c.idNoCnty >= 0 || c.dataID >= 0)
}

// maxProblems bounds how many errors, and how many warnings, one file
// reports.
const maxProblems = 200

// The roles of an event's actors.
const (
	roleActor1 = "actor 1"
	roleActor2 = "actor 2"
	roleAssoc1 = "with actor 1"
	roleAssoc2 = "with actor 2"
)

type importer struct {
	name string
	s    *model.Story
	col  columns

	ids        idset.Set         // every id given out, with its line, or 0 for actors, topics and sources
	actorOf    map[string]int32  // actor name → index in s.Actors
	actorCoded []bool            // the actor's kind came from an inter code
	actorRow   []uint32          // the row that last gave the actor a role, so a row names it once
	rowNo      uint32            // the row being read, counting from 1
	topicOf    map[string]string // topic title → id
	topicPair  map[[2]string][]string
	citeOf     map[string][]model.Citation // source column as written → citations
	sourceOf   map[string]string           // source name → id
	dates      [4]map[string]edtf.Date     // per time precision: event_date as written → date
	days       map[int32]edtf.Date         // the same for event_date written 2023-03-17, by dayKey
	countries  map[string]bool
	first      edtf.Date
	last       edtf.Date
	arena      huge.Text             // holds the events' ids, titles and summaries
	roleBlock  huge.Slab[model.Role] // holds the events' actor roles
	roleBuf    []model.Role
	size       int64 // the file's size, or 0 when not known
	sized      bool  // Events and ids have been sized from it
	errs       model.Problems
	warns      model.Problems
	moreErrs   int
	moreWarns  int
	used       []int  // the columns read
	badUTF8    int    // bytes that are not UTF-8 in them
	badAt      [2]int // line and column of the first

	// A lean load's (lean.go): the test of the summaries it keeps, the
	// events whose summary it left out, and where the row being read
	// starts in the file.
	keep    func(string) bool
	left    *model.LeftOut
	rowFrom int64
}

// Import reads an ACLED CSV export, named name in messages, into a story.
// It returns the story and its warnings, or an error: model.Problems
// holding every problem found (up to 200, then a count), each at its line
// and column.
//
// An empty file is an empty story, with a warning. A last row cut short by
// the end of the file (fewer columns than the header and no line break
// after it, or a quoted field left open) is left out with a warning, and
// the rows before it are kept. Bytes that are not UTF-8 are shown as
// U+FFFD, and a warning counts them.
func Import(name string, r io.Reader) (*model.Story, model.Problems, error) {
	return importWith(name, r, nil)
}

func importWith(name string, r io.Reader, lean *importer) (*model.Story, model.Problems, error) {
	src := &csvtail.Tail{R: model.GuardBinary(name, r)}
	br := bufio.NewReaderSize(src, 64<<10)
	if csvtail.Blank(br) {
		return &model.Story{}, model.Problems{{File: name, Warning: true,
			Msg: "the file is empty, so the story has nothing in it yet; an ACLED export starts with a header row naming event_id_cnty, event_date, event_type, …"}}, nil
	}
	cr := newRowReader(br)
	header, err := cr.Read()
	if err != nil {
		return nil, nil, model.Problems{csvtail.Problem(name, err)}
	}
	columns := len(header)
	im := &importer{
		name: name, s: &model.Story{}, col: findColumns(header),
		actorOf: map[string]int32{}, topicOf: map[string]string{},
		topicPair: map[[2]string][]string{}, citeOf: map[string][]model.Citation{}, sourceOf: map[string]string{},
		countries: map[string]bool{}, days: map[int32]edtf.Date{},
	}
	for i := range im.dates {
		im.dates[i] = map[string]edtf.Date{}
	}
	if lean != nil {
		im.keep, im.left, im.rowFrom, lean.col = lean.keep, lean.left, cr.InputOffset(), im.col
	}
	im.size = model.SizeHint(r)
	var missing []string
	if im.col.date < 0 {
		missing = append(missing, "event_date")
	}
	if im.col.eventType < 0 {
		missing = append(missing, "event_type")
	}
	if im.col.idCnty < 0 && im.col.idNoCnty < 0 && im.col.dataID < 0 {
		missing = append(missing, "event_id_cnty (or event_id_no_cnty, or data_id)")
	}
	if len(missing) > 0 && len(header) == 1 && strings.Count(header[0], ";") >= 2 {
		return nil, nil, model.Problems{{File: name, Line: 1, Col: 1,
			Msg: "the file is separated by semicolons, not commas (as spreadsheets set to some languages save CSV), so its header reads as one column; save it again as CSV with commas, or export it from ACLED again"}}
	}
	if len(missing) > 0 {
		return nil, nil, model.Problems{{File: name, Line: 1, Col: 1,
			Msg: "this is not an ACLED export: the header has no " + strings.Join(missing, ", ") + " column; export the data from ACLED as CSV with its header row"}}
	}
	im.used = im.col.used()
	for r := range readAhead(src.Rows(name, cr, columns), cr, im.used) {
		if p := r.prob; p != nil {
			if p.Warning {
				im.warn(p.Line, p.Col, "%s", p.Msg)
			} else {
				im.fail(*p)
			}
			continue
		}
		im.checkUTF8(r)
		im.row(r, r.rec)
		im.rowFrom = r.offset // the next row starts where this one ends
		if !im.sized && len(im.s.Events) == sampleRows {
			im.presize(r.offset)
		}
	}
	if im.badUTF8 > 0 {
		what := "1 byte that is not UTF-8 is"
		if im.badUTF8 > 1 {
			what = fmt.Sprintf("%d bytes that are not UTF-8 are", im.badUTF8)
		}
		im.warns = append(im.warns, model.Problem{File: name, Line: im.badAt[0], Col: im.badAt[1], Warning: true,
			Msg: what + " shown as \uFFFD (the first is here); if the export is in another encoding, save it as UTF-8"})
	}
	return im.finish()
}

// sampleRows is how many rows are read before the events are sized from the
// file's size.
const sampleRows = 512

// presize grows Events and the id map to the number of rows the file likely
// holds, from the size of the rows read so far.
func (im *importer) presize(consumed int64) {
	im.sized = true
	n := len(im.s.Events)
	if im.size <= consumed || consumed <= 0 || n == 0 {
		return
	}
	est := int(float64(im.size) / float64(consumed) * float64(n) * 1.03)
	if est <= n || est > 1<<28 {
		return
	}
	events := huge.Slice[model.Event](n, est)
	copy(events, im.s.Events)
	im.s.Events = events
	im.ids.Grow(est - n)
	if im.left != nil {
		im.left.Grow(est - n) // most rows leave their summary out
	}
}

// keepRoles copies roles into a shared block, so that each event does not
// allocate its own.
func (im *importer) keepRoles(roles []model.Role) []model.Role { return im.roleBlock.Keep(roles) }

// used lists the columns the importer reads.
func (c *columns) used() []int {
	var out []int
	for _, i := range []int{c.idCnty, c.idNoCnty, c.dataID, c.date, c.precision, c.eventType, c.subEventType,
		c.actor1, c.assoc1, c.inter1, c.actor2, c.assoc2, c.inter2, c.country, c.admin1, c.location, c.source, c.notes, c.fatalities} {
		if i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

// badUTF8 counts the bytes that are not UTF-8 in the columns used of
// rec, and names the first column that has one (-1 for none). It reads
// nothing else, so the parser runs it as it reads.
func badUTF8(used []int, rec []string) (n, first int) {
	first = -1
	for _, i := range used {
		if i >= len(rec) || utf8.ValidString(rec[i]) {
			continue
		}
		for j := 0; j < len(rec[i]); {
			r, size := utf8.DecodeRuneInString(rec[i][j:])
			if r == utf8.RuneError && size == 1 {
				if first < 0 {
					first = i
				}
				n++
			}
			j += size
		}
	}
	return n, first
}

// checkUTF8 adds up the bytes that are not UTF-8 that the parser found in
// a row, remembering where the first was.
func (im *importer) checkUTF8(r *readRow) {
	if r.bad > 0 {
		if im.badUTF8 == 0 {
			im.badAt = r.badAt
		}
		im.badUTF8 += r.bad
	}
}

func (im *importer) fail(p model.Problem) {
	if len(im.errs) >= maxProblems {
		im.moreErrs++
		return
	}
	im.errs = append(im.errs, p)
}

func (im *importer) warn(line, col int, format string, args ...any) {
	if len(im.warns) >= maxProblems {
		im.moreWarns++
		return
	}
	im.warns = append(im.warns, model.Problem{File: im.name, Line: line, Col: col, Warning: true, Msg: fmt.Sprintf(format, args...)})
}

// field returns column i of the record, or "" when the row is short or the
// file has no such column.
func field(rec []string, i int) string {
	if i >= 0 && i < len(rec) {
		return strings.TrimSpace(rec[i])
	}
	return ""
}

func (im *importer) row(cr *readRow, rec []string) {
	if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
		return // a blank line
	}
	line, _ := cr.FieldPos(0)
	c := &im.col

	raw := field(rec, c.date)
	prec := field(rec, c.precision)
	p := 1
	switch prec {
	case "", "1":
	case "2":
		p = 2
	case "3":
		p = 3
	default:
		_, col := cr.FieldPos(c.precision)
		im.warn(line, col, "time_precision %q is not 1 (day), 2 (week) or 3 (month); read as the day", text.CleanLine(prec))
	}
	key, isoDay := dayKey(raw, p)
	var date edtf.Date
	ok := false
	if isoDay {
		date, ok = im.days[key]
	} else {
		date, ok = im.dates[p][raw]
	}
	if !ok {
		var err error
		date, err = eventDate(raw, p)
		if err != nil {
			col := 0 // a row too short to have the column
			if c.date < len(rec) {
				_, col = cr.FieldPos(c.date)
			}
			im.fail(model.Problem{File: im.name, Line: line, Col: col, Msg: err.Error()})
			return
		}
		if isoDay {
			im.days[key] = date
		} else {
			im.dates[p][strings.Clone(raw)] = date
		}
	}
	if im.first.IsZero() || edtf.Compare(date, im.first) < 0 {
		im.first = date
	}
	if im.last.IsZero() || edtf.Compare(date, im.last) > 0 {
		im.last = date
	}

	ev := model.Event{ID: im.eventID(rec, line), Date: date}

	eventType := text.CleanLine(field(rec, c.eventType))
	sub := text.CleanLine(field(rec, c.subEventType))
	location := text.CleanLine(field(rec, c.location))
	admin1 := text.CleanLine(field(rec, c.admin1))
	country := text.CleanLine(field(rec, c.country))
	if country != "" && !im.countries[country] {
		im.countries[strings.Clone(country)] = true
	}
	ev.Title = im.titleOf(eventType, sub, location, admin1, country)
	ev.Summary = im.summary(text.Clean(field(rec, c.notes)), field(rec, c.fatalities), location, admin1, country)
	if n := cr.offset - im.rowFrom; im.keep != nil && ev.Summary != "" && n <= math.MaxInt32 && !im.keep(ev.Summary) {
		im.arena.Truncate(im.arena.Len() - len(ev.Summary)) // the last thing written
		ev.Summary = ""
		im.left.Add(model.Place{Event: int32(len(im.s.Events)), Len: int32(n), At: im.rowFrom})
	}
	ev.Topics = im.topics(eventType, sub)

	roles := im.roleBuf[:0]
	im.rowNo++
	roles = im.addActor(roles, field(rec, c.actor1), roleActor1, field(rec, c.inter1))
	roles = im.addActor(roles, field(rec, c.actor2), roleActor2, field(rec, c.inter2))
	roles = im.addAssoc(roles, field(rec, c.assoc1), roleAssoc1)
	roles = im.addAssoc(roles, field(rec, c.assoc2), roleAssoc2)
	im.roleBuf = roles
	ev.Actors = im.keepRoles(roles)
	ev.Citations = im.citations(field(rec, c.source))
	im.s.Events = append(im.s.Events, ev)
}

// titleOf is an event's title: what happened ("Armed clash") and where.
func (im *importer) titleOf(eventType, sub, location, admin1, country string) string {
	what := cmp.Or(sub, eventType, "Event")
	where := cmp.Or(location, admin1, country)
	if where != "" {
		return im.arena.Join(what, " in ", where)
	}
	return im.arena.Join(what)
}

// title is the title of the event a row makes, as row makes it.
func (im *importer) title(rec []string) string {
	c := &im.col
	return im.titleOf(text.CleanLine(field(rec, c.eventType)), text.CleanLine(field(rec, c.subEventType)),
		text.CleanLine(field(rec, c.location)), text.CleanLine(field(rec, c.admin1)), text.CleanLine(field(rec, c.country)))
}

// rowSummary is the summary of the event a row makes, as row makes it.
func (im *importer) rowSummary(rec []string) string {
	c := &im.col
	return im.summary(text.Clean(field(rec, c.notes)), field(rec, c.fatalities),
		text.CleanLine(field(rec, c.location)), text.CleanLine(field(rec, c.admin1)), text.CleanLine(field(rec, c.country)))
}

// eventID makes the row's id from its ACLED id, unique in the story.
func (im *importer) eventID(rec []string, line int) string {
	raw, prefix := field(rec, im.col.idCnty), ""
	if raw == "" {
		raw, prefix = field(rec, im.col.idNoCnty), "acled-"
	}
	if raw == "" {
		raw, prefix = field(rec, im.col.dataID), "acled-"
	}
	if raw == "" {
		raw, prefix = "line-"+strconv.Itoa(line), "acled-"
	}
	a := &im.arena
	a.Reserve(len(prefix) + len(raw))
	start := a.Len()
	a.WriteString(prefix)
	simple := true
	for i := 0; i < len(raw); i++ {
		ch := raw[i]
		switch {
		case 'A' <= ch && ch <= 'Z':
			a.AppendByte(ch + 'a' - 'A')
		case 'a' <= ch && ch <= 'z', '0' <= ch && ch <= '9', (ch == '-' || ch == '_' || ch == '.') && a.Len() > start:
			a.AppendByte(ch)
		default:
			simple = false
		}
	}
	var id string
	if simple {
		id = a.Keep(start)
	} else {
		a.Truncate(start)
		id = strings.Clone(model.SanitizeID(prefix + raw)) // raw may alias the reader's buffer
		if id == "" {
			id = "acled-line-" + strconv.Itoa(line)
		}
	}
	id, first, taken := im.ids.TakeValue(id, int32(line))
	if taken {
		if first > 0 {
			im.warn(line, 0, "event id %q is used again (first at line %d); this one is %q", text.CleanLine(raw), first, id)
		} else {
			im.warn(line, 0, "event id %q is already an actor's, topic's or source's id; this event is %q", text.CleanLine(raw), id)
		}
	}
	return id
}

// unique gives out base, or base-2, base-3… when it is taken, for actors,
// topics and sources.
func (im *importer) unique(base string) string { return im.ids.Take(base) }

func (im *importer) summary(notes, fatalities, location, admin1, country string) string {
	if fatalities != "" {
		fatalities = text.CleanLine(fatalities)
	}
	b := &im.arena
	b.Reserve(len(notes) + len(fatalities) + len(location) + len(admin1) + len(country) + 40)
	start := b.Len()
	b.WriteString(notes)
	if fatalities != "" || location != "" || admin1 != "" || country != "" {
		if notes != "" {
			b.WriteString("\n\n")
		}
		if fatalities != "" {
			b.WriteString("Fatalities: ")
			b.WriteString(fatalities)
			b.WriteString(".")
		}
		sep := ""
		for _, part := range []string{location, admin1, country} {
			if part == "" {
				continue
			}
			if sep == "" {
				if fatalities != "" {
					b.WriteString("\n")
				}
				b.WriteString("Where: ")
			}
			b.WriteString(sep)
			b.WriteString(part)
			sep = ", "
		}
		if sep != "" {
			b.WriteString(".")
		}
	}
	return b.Keep(start)
}

// topics returns the shared topic list for an event and sub-event type.
func (im *importer) topics(eventType, sub string) []string {
	key := [2]string{eventType, sub}
	if ts, ok := im.topicPair[key]; ok {
		return ts
	}
	var ts []string
	for _, title := range key {
		if title == "" {
			continue
		}
		id, ok := im.topicOf[title]
		if !ok {
			title = strings.Clone(title)
			id = im.unique(cmp.Or(model.Slug(title), "topic"))
			im.topicOf[title] = id
			im.s.Topics = append(im.s.Topics, model.Topic{ID: id, Title: title})
		}
		if len(ts) == 0 || ts[0] != id {
			ts = append(ts, id)
		}
	}
	im.topicPair[[2]string{strings.Clone(eventType), strings.Clone(sub)}] = ts
	return ts
}

// kindOf maps an ACLED inter code, numeric (older files) or named (current
// ones), to an actor kind.
func kindOf(inter string) (model.ActorKind, bool) {
	switch {
	case inter == "":
		return model.KindGroup, false
	case inter == "1" || strings.EqualFold(inter, "state forces"):
		return model.KindGovernment, true
	case inter == "8" || strings.EqualFold(inter, "external/other forces"):
		return model.KindOrganisation, true
	}
	return model.KindGroup, true
}

// actor returns the index of the actor named name, adding it the first
// time.
func (im *importer) actor(name, inter string) int32 {
	if i, ok := im.actorOf[name]; ok {
		if !im.actorCoded[i] { // the first inter code given decides
			if kind, coded := kindOf(inter); coded {
				im.s.Actors[i].Kind, im.actorCoded[i] = kind, true
			}
		}
		return i
	}
	kind, coded := kindOf(inter)
	name = strings.Clone(name)
	id := im.unique(cmp.Or(model.Slug(name), "actor"))
	im.actorOf[name] = int32(len(im.s.Actors))
	im.s.Actors = append(im.s.Actors, model.Actor{ID: id, Name: name, Kind: kind})
	im.actorCoded = append(im.actorCoded, coded)
	im.actorRow = append(im.actorRow, 0)
	return int32(len(im.s.Actors) - 1)
}

func (im *importer) addActor(roles []model.Role, name, role, inter string) []model.Role {
	name = text.CleanLine(name)
	if name == "" {
		return roles
	}
	i := im.actor(name, inter)
	if im.actorRow[i] == im.rowNo {
		return roles // named already in this row: constant time, however many it names
	}
	im.actorRow[i] = im.rowNo
	return append(roles, model.Role{Actor: im.s.Actors[i].ID, Role: role})
}

func (im *importer) addAssoc(roles []model.Role, list, role string) []model.Role {
	for list != "" {
		var name string
		name, list, _ = strings.Cut(list, ";")
		roles = im.addActor(roles, strings.TrimSpace(name), role, "")
	}
	return roles
}

// citations returns the shared citations of a source column.
func (im *importer) citations(list string) []model.Citation {
	if list == "" {
		return nil
	}
	if cs, ok := im.citeOf[list]; ok {
		return cs
	}
	var cs []model.Citation
	for rest := list; rest != ""; {
		var name string
		name, rest, _ = strings.Cut(rest, ";")
		name = text.CleanLine(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		id, ok := im.sourceOf[name]
		if !ok {
			name = strings.Clone(name)
			id = im.unique(cmp.Or(model.Slug(name), "source"))
			im.sourceOf[name] = id
			im.s.Sources = append(im.s.Sources, model.Source{ID: id, Outlet: name})
		}
		dup := false
		for _, c := range cs {
			dup = dup || c.Source == id
		}
		if !dup {
			cs = append(cs, model.Citation{Source: id})
		}
	}
	im.citeOf[strings.Clone(list)] = cs
	return cs
}

func (im *importer) finish() (*model.Story, model.Problems, error) {
	if im.moreWarns > 0 {
		im.warns = append(im.warns, model.Problem{File: im.name, Warning: true, Msg: fmt.Sprintf("and %d more warnings like these", im.moreWarns)})
	}
	if len(im.errs) > 0 {
		if im.moreErrs > 0 {
			im.errs = append(im.errs, model.Problem{File: im.name, Msg: fmt.Sprintf("and %d more problems like these", im.moreErrs)})
		}
		return nil, im.warns, im.errs
	}
	s := im.s
	s.Title = "ACLED events"
	if len(im.countries) > 0 {
		var names []string
		for c := range im.countries {
			names = append(names, c)
		}
		if len(names) <= 3 {
			slices.Sort(names)
			s.Title += ": " + strings.Join(names, ", ")
		} else {
			s.Title += fmt.Sprintf(" in %d countries", len(names))
		}
	}
	s.Description = fmt.Sprintf("Imported from an ACLED (Armed Conflict Location & Event Data) export: %d events", len(s.Events))
	if !im.first.IsZero() {
		s.Description += fmt.Sprintf(", from %s to %s", im.first.Display(), im.last.Display())
	}
	s.Description += "."
	if len(s.Events) == 0 {
		im.warns = append(im.warns, model.Problem{File: im.name, Warning: true, Msg: "the export has a header but no rows"})
	}
	if bad := model.CheckBuilt(im.name, s, "the import", maxProblems); len(bad) > 0 {
		return nil, im.warns, bad
	}
	return s, im.warns, nil
}
