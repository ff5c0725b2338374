package gen

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/model"
)

// Format is a file format the generator writes.
type Format string

// The formats: the native YAML and JSON, native NDJSON (one object a line,
// each with a "type"), an ACLED-style CSV export (events only), and Parquet
// (events only, sorted by date).
const (
	YAML   Format = "yaml"
	JSON   Format = "json"
	NDJSON Format = "ndjson"
	CSV    Format = "csv"
	// Parquet is the events (only) sorted by date, in row groups of
	// ParquetRowGroup rows.
	Parquet Format = "parquet"
)

// Formats lists the formats, in the order help shows them.
var Formats = []Format{YAML, JSON, NDJSON, CSV, Parquet}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q; use one of %s", s, strings.Join(names, ", "))
}

// Write writes the story cfg describes to out in format f, streaming.
func Write(out io.Writer, cfg Config, f Format) error {
	if cfg.Events < 0 {
		return fmt.Errorf("the number of events must be 0 or more, not %d", cfg.Events)
	}
	w := newWorld(cfg)
	bw := bufio.NewWriterSize(out, 256<<10)
	var err error
	switch f {
	case YAML, JSON, NDJSON:
		err = writeNative(bw, w, f)
	case CSV:
		err = writeCSV(bw, w)
	case Parquet:
		err = writeParquet(bw, w)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// obj is one object's fields in order, each value already JSON, so that it
// can be written as a JSON object or as a YAML block mapping.
type obj struct {
	keys []string
	ends []int
	buf  []byte
}

func (o *obj) reset() { o.keys, o.ends, o.buf = o.keys[:0], o.ends[:0], o.buf[:0] }

func (o *obj) done(k string) {
	o.keys = append(o.keys, k)
	o.ends = append(o.ends, len(o.buf))
}

// str adds a string field, unless it is empty.
func (o *obj) str(k, v string) {
	if v != "" {
		o.buf = appendString(o.buf, v)
		o.done(k)
	}
}

// strs adds a field of strings, unless there are none.
func (o *obj) strs(k string, vs []string) {
	list(o, k, '[', ']', vs, func(v string) { o.buf = appendString(o.buf, v) })
}

// list adds a field k holding xs, unless xs is empty: between open and
// close ('[' and ']' for an array, '{' and '}' for an object), each
// element as each writes it, separated by commas.
func list[T any](o *obj, k string, open, close byte, xs []T, each func(T)) {
	if len(xs) == 0 {
		return
	}
	o.buf = append(o.buf, open)
	for i, x := range xs {
		if i > 0 {
			o.buf = append(o.buf, ',')
		}
		each(x)
	}
	o.buf = append(o.buf, close)
	o.done(k)
}

// appendJSON writes o as a JSON object, with the fields of pre first.
func (o *obj) appendJSON(b []byte, pre string) []byte {
	b = append(b, '{')
	b = append(b, pre...)
	start := 0
	for i, k := range o.keys {
		if i > 0 || pre != "" {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, `":`...)
		b = append(b, o.buf[start:o.ends[i]]...)
		start = o.ends[i]
	}
	return append(b, '}')
}

// appendYAML writes o as an item of a block sequence at indent 2.
func (o *obj) appendYAML(b []byte) []byte {
	start := 0
	for i, k := range o.keys {
		if i == 0 {
			b = append(b, "  - "...)
		} else {
			b = append(b, "    "...)
		}
		b = append(b, k...)
		b = append(b, ": "...)
		b = append(b, o.buf[start:o.ends[i]]...)
		b = append(b, '\n')
		start = o.ends[i]
	}
	return b
}

// appendString writes s as a JSON string, which is also a YAML
// double-quoted scalar.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError && r != 0x2028 && r != 0x2029 && r != 0x85 {
				i += n
				continue
			}
			b = append(b, s[start:i]...)
			b = append(b, `\u`...)
			if r == utf8.RuneError {
				r = 0xFFFD
			}
			b = append(b, hex[r>>12&0xF], hex[r>>8&0xF], hex[r>>4&0xF], hex[r&0xF])
			i += n
			start = i
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, `\n`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = append(b, `\u00`...)
			b = append(b, hex[c>>4], hex[c&0xF])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func (o *obj) source(s *model.Source) {
	o.reset()
	o.str("id", s.ID)
	o.str("outlet", s.Outlet)
	o.str("title", s.Title)
	o.str("url", s.URL)
}

func (o *obj) actor(a *model.Actor) {
	o.reset()
	o.str("id", a.ID)
	o.str("name", a.Name)
	o.str("kind", string(a.Kind))
	o.str("parent", a.Parent)
	o.strs("aliases", a.Aliases)
	o.str("description", a.Description)
}

func (o *obj) topic(t *model.Topic) {
	o.reset()
	o.str("id", t.ID)
	o.str("title", t.Title)
	o.str("description", t.Description)
}

func (o *obj) citation(k string, c model.Citation) {
	o.buf = append(o.buf, `{"source":`...)
	o.buf = appendString(o.buf, c.Source)
	if c.Paragraph > 0 {
		o.buf = append(o.buf, `,"paragraph":`...)
		o.buf = strconv.AppendInt(o.buf, int64(c.Paragraph), 10)
	}
	o.buf = append(o.buf, '}')
	if k != "" {
		o.done(k)
	}
}

func (o *obj) event(e *model.Event) {
	o.reset()
	o.str("id", e.ID)
	o.str("date", e.Date.String())
	o.str("title", e.Title)
	o.str("summary", e.Summary)
	list(o, "actors", '[', ']', e.Actors, func(r model.Role) {
		o.buf = append(o.buf, `{"actor":`...)
		o.buf = appendString(o.buf, r.Actor)
		o.buf = append(o.buf, `,"role":`...)
		o.buf = appendString(o.buf, r.Role)
		o.buf = append(o.buf, '}')
	})
	o.strs("topics", e.Topics)
	list(o, "citations", '[', ']', e.Citations, func(c model.Citation) { o.citation("", c) })
}

func (o *obj) statement(s *model.Statement) {
	o.reset()
	o.str("id", s.ID)
	o.str("speaker", s.Speaker)
	o.str("date", s.Date.String())
	o.str("title", s.Title)
	o.str("quote", s.Quote)
	if s.Paraphrase {
		o.buf = append(o.buf, "true"...)
		o.done("paraphrase")
	}
	list(o, "stances", '{', '}', s.Stances, func(ts model.TopicStance) {
		o.buf = appendString(o.buf, ts.Topic)
		o.buf = append(o.buf, ':')
		o.buf = appendString(o.buf, string(ts.Stance))
	})
	o.str("reacts_to", s.ReactsTo)
	if s.Citation.Source != "" {
		o.citation("citation", s.Citation)
	}
}

func (o *obj) position(p *model.Position) {
	o.reset()
	o.str("actor", p.Actor)
	o.str("topic", p.Topic)
	o.str("date", p.Date.String())
	o.str("stance", string(p.Stance))
	o.str("summary", p.Summary)
	o.strs("evidence", p.Evidence)
}

// section writes the items of one kind: a list in YAML and JSON, lines in
// NDJSON. next fills o with item i and reports false when there are no more.
type sectionWriter struct {
	w     *bufio.Writer
	f     Format
	b     []byte
	count int // sections written, for JSON's commas
}

func (sw *sectionWriter) header(title, description string) {
	var o obj
	o.str("title", title)
	o.str("description", description)
	switch sw.f {
	case NDJSON:
		sw.b = append(o.appendJSON(sw.b[:0], `"type":"story"`), '\n')
	case JSON:
		sw.b = append(sw.b[:0], "{\n"...)
		start := 0
		for i, k := range o.keys {
			sw.b = append(sw.b, `  "`...)
			sw.b = append(sw.b, k...)
			sw.b = append(sw.b, `": `...)
			sw.b = append(sw.b, o.buf[start:o.ends[i]]...)
			sw.b = append(sw.b, ",\n"...)
			start = o.ends[i]
		}
		sw.count = -1
	case YAML:
		sw.b = append(sw.b[:0], "# A synthetic story made by dateline gen.\n"...)
		start := 0
		for i, k := range o.keys {
			sw.b = append(sw.b, k...)
			sw.b = append(sw.b, ": "...)
			sw.b = append(sw.b, o.buf[start:o.ends[i]]...)
			sw.b = append(sw.b, '\n')
			start = o.ends[i]
		}
	}
	sw.w.Write(sw.b)
}

// section writes n items, each made into o by fill.
func (sw *sectionWriter) section(name, kind string, n int, o *obj, fill func(i int)) error {
	if n == 0 {
		return nil
	}
	pre := `"type":"` + kind + `"`
	switch sw.f {
	case JSON:
		if sw.count >= 0 {
			sw.w.WriteString("\n  ],\n")
		}
		sw.w.WriteString(`  "` + name + `": [` + "\n")
	case YAML:
		sw.w.WriteString(name + ":\n")
	}
	sw.count++
	for i := range n {
		fill(i)
		b := sw.b[:0]
		switch sw.f {
		case NDJSON:
			b = append(o.appendJSON(b, pre), '\n')
		case JSON:
			if i > 0 {
				b = append(b, ",\n"...)
			}
			b = append(b, "    "...)
			b = o.appendJSON(b, "")
		case YAML:
			b = o.appendYAML(b)
		}
		sw.b = b
		if _, err := sw.w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func (sw *sectionWriter) end() {
	if sw.f == JSON {
		if sw.count >= 0 {
			sw.w.WriteString("\n  ]\n}\n")
		} else {
			sw.w.WriteString(`  "events": []` + "\n}\n")
		}
	}
}

func writeNative(bw *bufio.Writer, w *world, f Format) error {
	sw := &sectionWriter{w: bw, f: f}
	sw.header(storyTitle(w.cfg), storyDescription)
	var o obj
	if err := sw.section("sources", "source", len(w.sources), &o, func(i int) { o.source(&w.sources[i]) }); err != nil {
		return err
	}
	if err := sw.section("actors", "actor", len(w.actors), &o, func(i int) { o.actor(&w.actors[i].Actor) }); err != nil {
		return err
	}
	if err := sw.section("topics", "topic", len(w.topics), &o, func(i int) { o.topic(&w.topics[i].Topic) }); err != nil {
		return err
	}
	m := newMaker(w)
	var e genEvent
	if err := sw.section("events", "event", w.cfg.Events, &o, func(int) {
		m.nextEvent(&e)
		o.event(&e.Event)
	}); err != nil {
		return err
	}
	var s model.Statement
	if err := sw.section("statements", "statement", w.cfg.Statements(), &o, func(int) {
		m.nextStatement(&s)
		o.statement(&s)
	}); err != nil {
		return err
	}
	ps := m.positions()
	if err := sw.section("positions", "position", len(ps), &o, func(i int) { o.position(&ps[i]) }); err != nil {
		return err
	}
	sw.end()
	return nil
}

// csvHeader is the current ACLED export's 31 columns.
var csvHeader = []string{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
	"event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
	"inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
	"admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
	"fatalities", "tags", "timestamp"}

func disorderType(eventType string) string {
	switch eventType {
	case "Protests", "Riots":
		return "Demonstrations"
	case "Strategic developments":
		return "Strategic developments"
	}
	return "Political violence"
}

func writeCSV(bw *bufio.Writer, w *world) error {
	cw := csv.NewWriter(bw)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	m := newMaker(w)
	var e genEvent
	rec := make([]string, len(csvHeader))
	var b []byte
	for range w.cfg.Events {
		m.nextEvent(&e)
		country := countryNames[w.placeOf[e.place]]
		a1 := &w.actors[e.actors[0]]
		rec[0] = strings.ToUpper(country[:3]) + e.ID[len(eventIDPrefix):]
		b = appendDay(b[:0], e.day)
		rec[1] = string(b)
		rec[2] = rec[1][:4]
		rec[3] = strconv.Itoa(e.precision)
		rec[4] = disorderType(e.eventType)
		rec[5], rec[6] = e.eventType, e.subType
		rec[7], rec[9] = a1.Name, a1.inter
		rec[8], rec[10], rec[11], rec[12] = "", "", "", ""
		if e.actors[1] >= 0 {
			a2 := &w.actors[e.actors[1]]
			rec[10], rec[12] = a2.Name, a2.inter
		}
		if e.actors[2] >= 0 {
			rec[8] = w.actors[e.actors[2]].Name
		}
		rec[13] = a1.inter + "-" + rec[12]
		rec[14] = ""
		rec[15] = strconv.Itoa(100 + w.placeOf[e.place])
		rec[16] = "Eastern Europe"
		rec[17] = country
		rec[18], rec[19], rec[20] = w.regions[e.place], "", ""
		rec[21] = w.places[e.place]
		lat, lon := 40+float64(e.place%100)/10, 20+float64(e.place/100)
		rec[22] = strconv.FormatFloat(lat, 'f', 4, 64)
		rec[23] = strconv.FormatFloat(lon, 'f', 4, 64)
		rec[24] = "1"
		src := e.Citations[0].Source
		rec[25] = outlets[srcIndex(src)]
		rec[26] = "National"
		rec[27] = e.notes
		rec[28] = strconv.Itoa(e.fatalities)
		rec[29] = ""
		rec[30] = strconv.FormatInt(1_700_000_000+int64(e.day), 10)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func srcIndex(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "src-"))
	return max(0, n-1) % len(outlets)
}
