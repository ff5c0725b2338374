package timelinejs

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dateline/dateline/model/internal/testutil"
)

// FuzzTimelineJS: Import never panics and keeps testutil.CheckImported's promises.
func FuzzTimelineJS(f *testing.F) {
	for _, s := range []string{
		"",
		"[]",
		"{}",
		`{"events": []}`,
		generated,
		`{"title": {"text": {"headline": "T", "text": "<p>a</p>"}, "media": {"url": "https://x.org/a"}},
"events": [{"start_date": {"year": "2023", "month": "3", "day": "17", "hour": "14", "minute": "30"},
"end_date": {"year": 2023, "month": 3, "day": 20}, "text": {"headline": "<b>One</b> &amp; two", "text": "<a href=\"https://x.org/\">x</a>"},
"media": {"url": "https://x.org/p", "caption": "c", "credit": "cr"}, "group": "G", "display_date": "March", "unique_id": "u1", "edtf": "2023-03-17/2023-03-20"}],
"eras": [{"start_date": {"year": -500}, "end_date": {"year": 1.38e10}, "text": {"headline": "Era"}}], "scale": "cosmological"}`,
		`{"events": [{"start_date": {"year": 2023, "month": 2, "day": 30}}, {"start_date": {"year": 0, "month": 0, "day": 0}}, {"edtf": "12023-01-01"}]}`,
		`{"events": [{"start_date": "2023", "text": {"headline": ["a"]}, "group": {}}, 7, null]}`,
		`{"events": [{"start_date": {"year": 2023}, "unique_id": "u"}, {"start_date": {"year": 2024}, "unique_id": "u"}], "events": []}`,
		`{"events": [{"start_date": {"year": 20`,
		`{"events": [{"start_date": {"year": 2023}, "text": {"headline": "\u001b]0;t\u0007 \u009b2J &#27;[2J &#x9b; &#155; &#0; \u202e"}}]}`,
		"{\"events\": [{\"start_date\": {\"year\": 2023}, \"text\": {\"headline\": \"caf\xe9\"}}]}",
		`{"events": [{"start_date": {"year": 2023}, "text": {"headline": ` + strings.Repeat("[", 1001) + strings.Repeat("]", 1001) + `}}]}`,
		"\uFEFF" + `{"events": [{"start_date": {"year": 2023}}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, warns, err := Import("f", data)
		testutil.CheckImported(t, s, warns, err)
	})
}

// FuzzTimelineJSCSV: ImportCSV never panics and keeps the same promises.
func FuzzTimelineJSCSV(f *testing.F) {
	head := strings.Join(SheetHeader, ",") + "\n"
	for _, s := range []string{
		"",
		"\n\n",
		head,
		head + "2023,3,17,14:30,2023,3,20,,Three days,One,\"Line one,\nline two\",https://x.org/w,\"Credit, Inc\",Cap,,,Law,\n",
		head + ",,,,,,,,,Title,Intro,,,,,title,,\n1990,,,,2000,,,,,Nineties,,,,,,era,,\n",
		head + "2023,2,30,,,,,,,a,,,,,,,,\n0,0,0,,,,,,,b,,,,,,,,\n-500,,,,,,,,,c,,,,,,,,\n13800000000,1,1,,,,,,,d,,,,,,,,\n",
		head + "2023,3,17,,,,,,,Fine,,,,,,,,\n2023,3,18,,,,,,,Say \"hi\",,,,,,,,\n",
		head + "2023,3,17,,,,,,,\"Never closed,,,,,,,,\n2023,3,18\n",
		head + "2023,3,17,,,,,,,Fine,,,,,,,,\n2023,3,18,,,,,,,Cu",
		head + "2023,3,17,,,,,,,\x1b]0;t\x07 \xc2\x9b2J &#27;[2J \x00\x7f\r\u202e caf\xe9,,,,,,bogus,\x1b[31mG,\n",
		"\uFEFF" + head + "2023,March,17,,,,,,,a,,,,,,,,\n",
		"Year,Headline\n2023,a\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, warns, err := ImportCSV("f", bytes.NewReader(data))
		testutil.CheckImported(t, s, warns, err)
	})
}
