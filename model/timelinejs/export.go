package timelinejs

import (
	"encoding/json"
	"html"
	"io"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
)

// The TimelineJS JSON format, as Export writes it.
type (
	outDoc struct {
		Title  *outSlide  `json:"title,omitempty"`
		Events []outSlide `json:"events"`
		Scale  string     `json:"scale,omitempty"`
	}
	outSlide struct {
		StartDate   *outDate  `json:"start_date,omitempty"`
		EndDate     *outDate  `json:"end_date,omitempty"`
		Text        outText   `json:"text"`
		Media       *outMedia `json:"media,omitempty"`
		Group       string    `json:"group,omitempty"`
		DisplayDate string    `json:"display_date,omitempty"`
		UniqueID    string    `json:"unique_id,omitempty"`
		// EDTF is dateline's own member, which TimelineJS ignores: the
		// exact date, where start_date and end_date can only bound it.
		EDTF string `json:"edtf,omitempty"`
	}
	outDate struct {
		Year  int64 `json:"year"`
		Month int   `json:"month,omitempty"`
		Day   int   `json:"day,omitempty"`
	}
	outText struct {
		Headline string `json:"headline,omitempty"`
		Text     string `json:"text,omitempty"`
	}
	outMedia struct {
		URL     string `json:"url"`
		Credit  string `json:"credit,omitempty"`
		Caption string `json:"caption,omitempty"`
	}
)

// The years a JavaScript Date can hold; beyond them TimelineJS needs its
// cosmological scale.
const (
	jsMinYear = -271820
	jsMaxYear = 275759
)

// Export writes the indexed story as a TimelineJS JSON timeline, in
// timeline order: the title and description make the title slide, and
// every event and statement a slide whose unique_id is its id. A date
// becomes start_date (and end_date for a range) at the precision the date
// has, display_date its wording, and edtf the exact EDTF date. A statement's
// headline is its title and its text the quote and the speaker. The first
// topic is the group, and the first cited source with an address the media.
// Import reads the result back with every id, date, title and text.
//
// TimelineJS needs a start date on every event, and an undated item has
// none: TimelineJS will not show it, though
// Import reads it back. Export writes such items all the same and returns
// their ids, in timeline order, for the caller to warn about.
//
// rows are the timeline positions to write, in order; nil writes every
// item, so a filtered export needs no second index.
func Export(w io.Writer, ix *model.Index, rows []int32) (startless []string, err error) {
	s := ix.Story()
	if rows == nil {
		rows = ix.Query(model.Filter{})
	}
	doc := outDoc{Events: make([]outSlide, 0, len(rows))}
	if s.Title != "" || s.Description != "" {
		doc.Title = &outSlide{Text: outText{Headline: html.EscapeString(s.Title), Text: HTML(s.Description)}}
	}
	for _, p := range rows {
		pos := int(p)
		it := ix.At(pos)
		d := it.Date()
		sl := outSlide{UniqueID: it.ID()}
		if !d.IsZero() {
			sl.StartDate, sl.EndDate = bounds(d)
			sl.DisplayDate = d.Display()
			sl.EDTF = d.String()
			for _, od := range []*outDate{sl.StartDate, sl.EndDate} {
				if od != nil && (od.Year < jsMinYear || od.Year > jsMaxYear) {
					doc.Scale = "cosmological"
				}
			}
		}
		if sl.StartDate == nil {
			startless = append(startless, it.ID())
		}
		sl.Text.Headline = html.EscapeString(ix.Title(pos))
		var cites []model.Citation
		if e := it.Event; e != nil {
			sl.Text.Text = HTML(e.Summary)
			cites = e.Citations
		} else {
			st := it.Statement
			quote := st.Quote
			if !st.Paraphrase {
				quote = "“" + quote + "”"
			}
			sl.Text.Text = "<blockquote>" + HTML(quote) + "</blockquote>" + HTML("— "+ix.ActorName(st.Speaker))
			if st.Citation.Source != "" {
				cites = []model.Citation{st.Citation}
			}
		}
		if topics := ix.ItemTopics(pos); len(topics) > 0 {
			sl.Group = topics[0].Title
		}
		for _, c := range cites {
			if src, ok := ix.Source(c.Source); ok && src.URL != "" {
				sl.Media = &outMedia{URL: src.URL, Credit: html.EscapeString(src.Outlet), Caption: html.EscapeString(src.Title)}
				break
			}
		}
		doc.Events = append(doc.Events, sl)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return startless, enc.Encode(doc)
}

// bounds writes a date as TimelineJS's start and end: each end at the
// coarsest precision (year, month or day) that keeps its day exact, and no
// end when the date is one day, month or year. An open start gives the
// known end as the start, as TimelineJS needs one. Years are TimelineJS's:
// 500 BC (EDTF -0499) is -500.
func bounds(d edtf.Date) (start, end *outDate) {
	lo, hi := d.Earliest(), d.Latest()
	switch {
	case lo == edtf.MinDay && hi == edtf.MaxDay:
		return nil, nil
	case lo == edtf.MinDay:
		lo = hi
	case hi == edtf.MaxDay:
		hi = lo
	}
	ly, lm, ld := lo.Civil()
	hy, hm, hd := hi.Civil()
	defer func() {
		for _, d := range []*outDate{start, end} {
			if d != nil {
				d.Year = fromAstronomical(d.Year)
			}
		}
	}()
	switch {
	case lo == hi:
		return &outDate{Year: ly, Month: lm, Day: ld}, nil
	case ly == hy && lm == 1 && ld == 1 && hm == 12 && hd == 31:
		return &outDate{Year: ly}, nil
	case ly == hy && lm == hm && ld == 1 && hd == edtf.DaysIn(hy, hm):
		return &outDate{Year: ly, Month: lm}, nil
	}
	start, end = &outDate{Year: ly, Month: lm, Day: ld}, &outDate{Year: hy, Month: hm, Day: hd}
	switch {
	case lm == 1 && ld == 1 && hm == 12 && hd == 31:
		start.Month, start.Day, end.Month, end.Day = 0, 0, 0, 0
	case ld == 1 && hd == edtf.DaysIn(hy, hm):
		start.Day, end.Day = 0, 0
	}
	return start, end
}
