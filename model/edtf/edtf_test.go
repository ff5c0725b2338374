package edtf

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// dayText writes a bound for test tables: YYYY-MM-DD, or ".." for MinDay
// and MaxDay.
func dayText(d Day) string { return d.String() }

// TestParseDateEDTFExamples covers every example of the EDTF specification's
// Level 0 and Level 1 features, and the forms dateline's stories use.
func TestParseDateEDTFExamples(t *testing.T) {
	const (
		A  = 1 // approximate
		U  = 2 // uncertain
		AU = 3
	)
	tests := []struct {
		in       string
		lo, hi   string
		prec     Precision
		qual     int
		interval bool
	}{
		// Level 0: date.
		{"1985-04-12", "1985-04-12", "1985-04-12", PrecisionDay, 0, false},
		{"1985-04", "1985-04-01", "1985-04-30", PrecisionMonth, 0, false},
		{"1985", "1985-01-01", "1985-12-31", PrecisionYear, 0, false},
		// Level 0: date and time; bounds keep the written day.
		{"1985-04-12T23:20:30", "1985-04-12", "1985-04-12", PrecisionDay, 0, false},
		{"1985-04-12T23:20:30Z", "1985-04-12", "1985-04-12", PrecisionDay, 0, false},
		{"1985-04-12T23:20:30-04", "1985-04-12", "1985-04-12", PrecisionDay, 0, false},
		{"1985-04-12T23:20:30+04:30", "1985-04-12", "1985-04-12", PrecisionDay, 0, false},
		// Level 0: time interval.
		{"1964/2008", "1964-01-01", "2008-12-31", PrecisionYear, 0, true},
		{"2004-06/2006-08", "2004-06-01", "2006-08-31", PrecisionMonth, 0, true},
		{"2004-02-01/2005-02-08", "2004-02-01", "2005-02-08", PrecisionDay, 0, true},
		{"2004-02-01/2005-02", "2004-02-01", "2005-02-28", PrecisionMonth, 0, true},
		{"2004-02-01/2005", "2004-02-01", "2005-12-31", PrecisionYear, 0, true},
		{"2005/2006-02", "2005-01-01", "2006-02-28", PrecisionYear, 0, true},
		// Level 1: letter-prefixed calendar year.
		{"Y170000002", "170000002-01-01", "170000002-12-31", PrecisionYear, 0, false},
		{"Y-170000002", "-170000002-01-01", "-170000002-12-31", PrecisionYear, 0, false},
		// Level 1: seasons (northern meteorological; winter runs into the next year).
		{"2001-21", "2001-03-01", "2001-05-31", PrecisionSeason, 0, false},
		{"2001-22", "2001-06-01", "2001-08-31", PrecisionSeason, 0, false},
		{"2001-23", "2001-09-01", "2001-11-30", PrecisionSeason, 0, false},
		{"2001-24", "2001-12-01", "2002-02-28", PrecisionSeason, 0, false},
		{"2003-24", "2003-12-01", "2004-02-29", PrecisionSeason, 0, false},
		// Level 1: qualification of a date (complete).
		{"1984?", "1984-01-01", "1984-12-31", PrecisionYear, U, false},
		{"2004-06~", "2004-06-01", "2004-06-30", PrecisionMonth, A, false},
		{"2004-06-11%", "2004-06-11", "2004-06-11", PrecisionDay, AU, false},
		// Level 1: unspecified digits from the right.
		{"201X", "2010-01-01", "2019-12-31", PrecisionDecade, 0, false},
		{"20XX", "2000-01-01", "2099-12-31", PrecisionCentury, 0, false},
		{"2004-XX", "2004-01-01", "2004-12-31", PrecisionYear, 0, false},
		{"1985-04-XX", "1985-04-01", "1985-04-30", PrecisionMonth, 0, false},
		{"1985-XX-XX", "1985-01-01", "1985-12-31", PrecisionYear, 0, false},
		// Level 1: extended interval.
		{"1985-04-12/..", "1985-04-12", "..", PrecisionDay, 0, true},
		{"1985-04/..", "1985-04-01", "..", PrecisionMonth, 0, true},
		{"1985/..", "1985-01-01", "..", PrecisionYear, 0, true},
		{"../1985-04-12", "..", "1985-04-12", PrecisionDay, 0, true},
		{"../1985-04", "..", "1985-04-30", PrecisionMonth, 0, true},
		{"../1985", "..", "1985-12-31", PrecisionYear, 0, true},
		{"1985-04-12/", "1985-04-12", "..", PrecisionDay, 0, true},
		{"1985-04/", "1985-04-01", "..", PrecisionMonth, 0, true},
		{"1985/", "1985-01-01", "..", PrecisionYear, 0, true},
		{"/1985-04-12", "..", "1985-04-12", PrecisionDay, 0, true},
		{"/1985-04", "..", "1985-04-30", PrecisionMonth, 0, true},
		{"/1985", "..", "1985-12-31", PrecisionYear, 0, true},
		{"1984~/2004-06", "1984-01-01", "2004-06-30", PrecisionYear, A, true},
		{"1984/2004-06~", "1984-01-01", "2004-06-30", PrecisionYear, A, true},
		{"1984~/2004~", "1984-01-01", "2004-12-31", PrecisionYear, A, true},
		{"1984?/2004%", "1984-01-01", "2004-12-31", PrecisionYear, AU, true},
		{"1984-06?/2004-08?", "1984-06-01", "2004-08-31", PrecisionMonth, U, true},
		{"1984-06-02?/2004-08-08~", "1984-06-02", "2004-08-08", PrecisionDay, AU, true},
		{"1984-06-02?/..", "1984-06-02", "..", PrecisionDay, U, true},
		// Level 1: negative calendar year.
		{"-1985", "-1985-01-01", "-1985-12-31", PrecisionYear, 0, false},
		// Forms dateline's stories use.
		{"2023-03-17", "2023-03-17", "2023-03-17", PrecisionDay, 0, false},
		{"2023-02", "2023-02-01", "2023-02-28", PrecisionMonth, 0, false},
		{"2014", "2014-01-01", "2014-12-31", PrecisionYear, 0, false},
		{"2023-03-18/2023-03-19", "2023-03-18", "2023-03-19", PrecisionDay, 0, true},
		{"2023-01~", "2023-01-01", "2023-01-31", PrecisionMonth, A, false},
		{"2023-03-20?", "2023-03-20", "2023-03-20", PrecisionDay, U, false},
		{"2004-06~?", "2004-06-01", "2004-06-30", PrecisionMonth, AU, false},
		{"2004-06?~", "2004-06-01", "2004-06-30", PrecisionMonth, AU, false},
		{"2004-06%", "2004-06-01", "2004-06-30", PrecisionMonth, AU, false},
		{"../2023-01", "..", "2023-01-31", PrecisionMonth, 0, true},
		{"2023-02-24/..", "2023-02-24", "..", PrecisionDay, 0, true},
		{"/2023-01", "..", "2023-01-31", PrecisionMonth, 0, true},
		{"2023-01/", "2023-01-01", "..", PrecisionMonth, 0, true},
		{"-0044-03-15", "-0044-03-15", "-0044-03-15", PrecisionDay, 0, false},
		{"Y-13800000000", "-13800000000-01-01", "-13800000000-12-31", PrecisionYear, 0, false},
		{"Y-999999999999999", "-999999999999999-01-01", "-999999999999999-12-31", PrecisionYear, 0, false},
		{"2023-03-17T10:00:00Z", "2023-03-17", "2023-03-17", PrecisionDay, 0, false},
		{"2023-03-17T10:00:00+05:00", "2023-03-17", "2023-03-17", PrecisionDay, 0, false},
		{"2004-06~/2004-08?", "2004-06-01", "2004-08-31", PrecisionMonth, AU, true},
		{"2023-03-17T22:00:00Z/2023-03-18", "2023-03-17", "2023-03-18", PrecisionDay, 0, true},
		{"201X/2023", "2010-01-01", "2023-12-31", PrecisionDecade, 0, true},
		{"2001-21/2001-23", "2001-03-01", "2001-11-30", PrecisionSeason, 0, true},
		{"2004/2004-06", "2004-01-01", "2004-06-30", PrecisionYear, 0, true},
		{"2023-03-17/2023-03-17", "2023-03-17", "2023-03-17", PrecisionDay, 0, true},
		{"0000", "0000-01-01", "0000-12-31", PrecisionYear, 0, false},
		{"0000-02-29", "0000-02-29", "0000-02-29", PrecisionDay, 0, false},
		{"2000-02-29", "2000-02-29", "2000-02-29", PrecisionDay, 0, false},
		{"2024-02", "2024-02-01", "2024-02-29", PrecisionMonth, 0, false},
		{"-201X", "-2019-01-01", "-2010-12-31", PrecisionDecade, 0, false},
		{"  2023-03-17\n", "2023-03-17", "2023-03-17", PrecisionDay, 0, false},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got := dayText(d.Earliest()); got != tt.lo {
			t.Errorf("ParseDate(%q).Earliest() = %s, want %s", tt.in, got, tt.lo)
		}
		if got := dayText(d.Latest()); got != tt.hi {
			t.Errorf("ParseDate(%q).Latest() = %s, want %s", tt.in, got, tt.hi)
		}
		if got := d.Precision(); got != tt.prec {
			t.Errorf("ParseDate(%q).Precision() = %v, want %v", tt.in, got, tt.prec)
		}
		if got := d.Approximate(); got != (tt.qual&A != 0) {
			t.Errorf("ParseDate(%q).Approximate() = %v", tt.in, got)
		}
		if got := d.Uncertain(); got != (tt.qual&U != 0) {
			t.Errorf("ParseDate(%q).Uncertain() = %v", tt.in, got)
		}
		if got := d.IsInterval(); got != tt.interval {
			t.Errorf("ParseDate(%q).IsInterval() = %v", tt.in, got)
		}
		if got, want := d.String(), strings.TrimSpace(tt.in); got != want {
			t.Errorf("ParseDate(%q).String() = %q, want %q", tt.in, got, want)
		}
		if d.IsZero() {
			t.Errorf("ParseDate(%q).IsZero() = true", tt.in)
		}
		if got, want := d.OpenStart(), tt.lo == ".."; got != want {
			t.Errorf("ParseDate(%q).OpenStart() = %v", tt.in, got)
		}
		if got, want := d.OpenEnd(), tt.hi == ".."; got != want {
			t.Errorf("ParseDate(%q).OpenEnd() = %v", tt.in, got)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		in   string
		want []string // words the message must contain
	}{
		{"2023-02-30", []string{`"2023-02-30": February 2023 has 28 days`}},
		{"2024-02-30", []string{"February 2024 has 29 days"}},
		{"1900-02-29", []string{"February 1900 has 28 days"}},
		{"2023-04-31", []string{"April 2023 has 30 days"}},
		{"2023-13-01", []string{"month 13", "01 to 12"}},
		{"0000-00-00", []string{"month 00", "01 to 12"}},
		{"2023-01-00", []string{"day 00", "01 to 31"}},
		{"2023-01-32", []string{"day 32", "01 to 31"}},
		{"12345", []string{`"12345": a year of more than four digits needs EDTF's "Y" prefix, as in "Y12345"`}},
		{"-12345", []string{`"Y-12345"`}},
		{"Y2023", []string{`"Y" prefix`, "more than four digits", `"2023"`}},
		{"Y-44", []string{`"-0044"`}},
		{"Y12345-01", []string{"cannot have a month"}},
		{"Y-17E7", []string{"Level 2"}},
		{"Y9999999999999999", []string{"too far"}},
		{"hello", []string{"not an EDTF date", `"2023-03-17"`}},
		{"", []string{"empty", `"2023-03-17"`}},
		{"   ", []string{"empty"}},
		{"2023-03-19/2023-03-18", []string{"starts after it ends", "earlier date first"}},
		{"2005/2004-06", []string{"starts after it ends"}},
		{"2023-3-17", []string{"two digits", `"2023-03"`}},
		{"2023-03-7", []string{"two digits", `"2023-03-07"`}},
		{"23-03-17", []string{"four digits"}},
		{"17/03/2023", []string{"year first", `"2023-03-17"`}},
		{"2023/2024/2025", []string{`exactly one "/"`}},
		{"3/17/2023", []string{"year first"}},
		{"2023–2024", []string{`use "/"`}},
		{"2023-03-17 10:00:00", []string{`"T"`, "2023-03-17T10:00:00"}},
		{"2023-03-17 ", nil}, // trailing space is trimmed: valid
		{"2023 03 17", []string{"no spaces"}},
		{"21 March 2023", []string{"year first", `"2023-03-21"`}},
		{"March 21st, 2023", []string{`"2023-03-21"`}},
		{"Sept. 2023", []string{`"2023-09"`}},
		{"last Friday", []string{"relative to today", "2023-03-17"}},
		{"yesterday", []string{"relative to today"}},
		{"Tomorrow", []string{"relative to today"}},
		{"3 days ago", []string{"relative to today"}},
		{"yes", []string{"not an EDTF date"}},
		{"y2023", []string{`capital "Y"`}},
		{"201x", []string{`capital "X"`}},
		{"19uu", []string{`capital "X"`}},
		{"2X23", []string{`"X"`, "last one or two digits"}},
		{"2XXX", []string{"at most the last two digits"}},
		{"XXXX", []string{"at most the last two digits"}},
		{"201X-05", []string{"must stand alone", "Level 2"}},
		{"1985-XX-12", []string{`"1985-XX-XX"`}},
		{"1985-0X", []string{`two digits or "XX"`}},
		{"2001-21-05", []string{"season", "cannot have a day"}},
		{"2001-25", []string{"season 25", "Level 2", "21 (spring)"}},
		{"2001-20", []string{"month 20 does not exist"}},
		{"2023-03-17T25:00:00", []string{"hour 25", "00 to 23"}},
		{"2023-03-17T10:60:00", []string{"minute 60"}},
		{"2023-03-17T10:00:61", []string{"second 61"}},
		{"2023-03-17T10:00", []string{"needs seconds", `"T10:00:00"`}},
		{"2023-03-17T10:00:00.5Z", []string{"fractions of a second"}},
		{"2023-03-17T10:00:00+5", []string{`"+hh:mm"`}},
		{"2023-03-17T10:00:00+0530", []string{`"+hh:mm"`}},
		{"2023-03-17T10:00:00+25:00", []string{"offset hour 25"}},
		{"2023-03T10:00:00", []string{"full date", `"T"`}},
		{"2023-03-XXT10:00:00", []string{"full date"}},
		{"-0000", []string{"year zero", `"0000"`}},
		{"../..", []string{"at least one known end"}},
		{"/", []string{"at least one known end"}},
		{"..", []string{"open end", "interval"}},
		{"2004?-06", []string{"only at the end", "Level 2"}},
		{"?2004", []string{"only at the end"}},
		{"2004~~", []string{"single qualifier"}},
		{"~", []string{"needs a date before it"}},
		{"{2023,2024}", []string{"Level 2", "sets"}},
		{"[2023..2024]", []string{"Level 2"}},
		{"+2023", []string{`no "+" sign`}},
		{"2023-03-17abc", []string{`unexpected "abc"`, `after "2023-03-17"`}},
		{"2023-03-17/garbage", []string{`end "garbage"`, "not an EDTF date"}},
		{"2023-02-30/2023-03-05", []string{`start "2023-02-30"`, "February 2023 has 28 days"}},
		{"2023-003", []string{"two digits"}},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if tt.want == nil {
			if err != nil {
				t.Errorf("ParseDate(%q): %v", tt.in, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("ParseDate(%q) succeeded; want an error", tt.in)
			continue
		}
		var de *DateError
		if !errors.As(err, &de) {
			t.Errorf("ParseDate(%q) error %T is not a *DateError", tt.in, err)
		} else if de.Input != strings.TrimSpace(tt.in) {
			t.Errorf("ParseDate(%q) error Input = %q", tt.in, de.Input)
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("ParseDate(%q) error %q does not mention %q", tt.in, err, w)
			}
		}
	}
}

func TestDateDisplayShortDescribe(t *testing.T) {
	tests := []struct {
		in                      string
		display, short, describ string
	}{
		{"2023-03-17", "Fri 17 Mar 2023", "17 Mar 2023", "to the day"},
		{"2023-02", "Feb 2023", "Feb 2023", "to the month"},
		{"2014", "2014", "2014", "to the year"},
		{"2023-03-18/2023-03-19", "18–19 Mar 2023", "18–19 Mar 2023", "a 2-day interval"},
		{"2023-02-28/2023-03-03", "28 Feb – 3 Mar 2023", "Feb–Mar 2023", "a 4-day interval"},
		{"2023-03-01/2023-04-05", "1 Mar – 5 Apr 2023", "1 Mar–5 Apr 2023", "a 36-day interval"},
		{"2022-12-30/2023-01-02", "30 Dec 2022 – 2 Jan 2023", "2022–2023", "a 4-day interval"},
		{"2023-03-11/2023-03-18", "11–18 Mar 2023", "11–18 Mar 2023", "an 8-day interval"},
		{"2023-01-01/2023-01-11", "1–11 Jan 2023", "1–11 Jan 2023", "an 11-day interval"},
		{"2023-01~", "c. Jan 2023", "c. Jan 2023", "approximate, to the month"},
		{"2023-03-17~", "c. 17 Mar 2023", "c. 17 Mar 2023", "approximate, to the day"},
		{"2023-03-20?", "Mon 20 Mar 2023?", "20 Mar 2023?", "uncertain, to the day"},
		{"2004-06~?", "c. Jun 2004?", "c. Jun 2004?", "approximate and uncertain, to the month"},
		{"2004-06%", "c. Jun 2004?", "c. Jun 2004?", "approximate and uncertain, to the month"},
		{"../2023-01", "by Jan 2023", "by Jan 2023", "open start; end to the month"},
		{"2023-02-24/..", "from 24 Feb 2023", "from 24 Feb 2023", "open end; start to the day"},
		{"/2023-01", "? – Jan 2023", "?–Jan 2023", "unknown start; end to the month"},
		{"2023-01/", "Jan 2023 – ?", "Jan 2023–?", "unknown end; start to the month"},
		{"1984-06-02?/..", "from 2 Jun 1984?", "from 2 Jun 1984?", "open end; start uncertain, to the day"},
		{"201X", "2010s", "2010s", "to the decade (2010–2019)"},
		{"20XX", "21st century", "21st century", "to the century (2000–2099)"},
		{"19XX", "20th century", "20th century", "to the century (1900–1999)"},
		{"-01XX", "2nd century BC", "2nd century BC", "to the century (200–101 BC)"},
		{"-201X", "2020–2011 BC", "2020–2011 BC", "to the decade (2020–2011 BC)"},
		{"2004-XX", "some month in 2004", "2004", "to the year (month unspecified)"},
		{"1985-04-XX", "some day in Apr 1985", "Apr 1985", "to the month (day unspecified)"},
		{"1985-XX-XX", "some day in 1985", "1985", "to the year (month and day unspecified)"},
		{"-0044-03-15", "15 Mar 45 BC", "15 Mar 45 BC", "to the day"},
		{"0000", "1 BC", "1 BC", "to the year"},
		{"0800", "AD 800", "AD 800", "to the year"},
		{"1582-10-15", "Fri 15 Oct 1582", "15 Oct 1582", "to the day"},
		{"1582-10-14", "14 Oct 1582", "14 Oct 1582", "to the day"},
		{"Y170000002", "AD 170,000,002", "AD 170,000,002", "to the year"},
		{"Y-13800000000", "13.8 billion years ago", "13.8bn years ago", "to the year"},
		{"Y-250000", "250,001 BC", "250,001 BC", "to the year"},
		{"Y-4540000000", "4.54 billion years ago", "4.54bn years ago", "to the year"},
		{"2001-21", "Spring 2001", "Spring 2001", "to the season (Mar–May 2001)"},
		{"2001-22", "Summer 2001", "Summer 2001", "to the season (Jun–Aug 2001)"},
		{"2001-23~", "c. Autumn 2001", "c. Autumn 2001", "approximate, to the season (Sep–Nov 2001)"},
		{"2001-24", "Winter 2001", "Winter 2001", "to the season (Dec 2001 – Feb 2002)"},
		{"2023-03-17T10:00:00Z", "Fri 17 Mar 2023, 10:00 UTC", "17 Mar 2023", "to the day, at 10:00 UTC"},
		{"2023-03-17T10:00:00+05:00", "Fri 17 Mar 2023, 10:00 UTC+05:00", "17 Mar 2023", "to the day, at 10:00 UTC+05:00"},
		{"1985-04-12T23:20:30", "Fri 12 Apr 1985, 23:20:30", "12 Apr 1985", "to the day, at 23:20:30 local time"},
		{"1964/2008", "1964–2008", "1964–2008", "a 45-year interval"},
		{"-0100/-0050", "101–51 BC", "101–51 BC", "a 51-year interval"},
		{"2004-06/2004-08", "Jun–Aug 2004", "Jun–Aug 2004", "a 3-month interval"},
		{"2004-06/2006-08", "Jun 2004 – Aug 2006", "2004–2006", "a 27-month interval"},
		{"2004-02-01/2005-02", "1 Feb 2004 – Feb 2005", "2004–2005", "an interval, start to the day, end to the month"},
		{"2004-06~/2004-08?", "c. Jun 2004 – Aug 2004?", "c. Jun–Aug 2004?", "a 3-month interval; approximate start, uncertain end"},
		{"1984~/2004~", "c. 1984 – c. 2004", "c. 1984–2004", "a 21-year interval; approximate start and end"},
		{"2001-21/2001-23", "Spring–Autumn 2001", "2001", "an interval, to the season"},
		{"2023-03-17/2023-03-17", "17 Mar 2023", "17 Mar 2023", "a 1-day interval"},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got := d.Display(); got != tt.display {
			t.Errorf("ParseDate(%q).Display() = %q, want %q", tt.in, got, tt.display)
		}
		if got := d.Short(); got != tt.short {
			t.Errorf("ParseDate(%q).Short() = %q, want %q", tt.in, got, tt.short)
		}
		if got := d.Describe(); got != tt.describ {
			t.Errorf("ParseDate(%q).Describe() = %q, want %q", tt.in, got, tt.describ)
		}
	}
}

// TestDateShortWidth checks Short fits the gutter for every ordinary form,
// with the widest days, months and qualifiers.
func TestDateShortWidth(t *testing.T) {
	for _, s := range []string{
		"2023-09-30", "2023-09-30%", "2023-09%", "2023-09-XX", "2004-XX",
		"2023-09-28/2023-09-30", "2023-09-30/2023-10-31", "2022-12-31/2023-12-31",
		"2004-06/2006-08", "2004-06%/2006-08%", "2001-23/2001-24", "-0044-12-31%",
		"../2023-09-30%", "2023-09-30%/..", "/2023-09-30%", "2023-09-30%/",
		"2023-09-30T23:59:59+05:30", "2001-23%", "-09XX", "-10XX", "-201X%", "201X/202X",
		"2023-09-30%/2024-12-31%", "1984~/2004~", "Y-250000", "Y-13800000000",
		"Y-999999999", "Y-999999999999999",
	} {
		d := MustParse(s)
		if got := d.Short(); utf8.RuneCountInString(got) > ShortWidth {
			t.Errorf("ParseDate(%q).Short() = %q, %d columns; want at most %d",
				s, got, utf8.RuneCountInString(got), ShortWidth)
		}
	}
}

func TestDateZero(t *testing.T) {
	var d Date
	if !d.IsZero() || d.String() != "" {
		t.Errorf("zero Date: IsZero %v, String %q", d.IsZero(), d.String())
	}
	if d.Earliest() != MaxDay || d.Latest() != MaxDay {
		t.Errorf("zero Date bounds %v..%v, want MaxDay..MaxDay", d.Earliest(), d.Latest())
	}
	if d.Precision() != PrecisionNone || d.Approximate() || d.Uncertain() || d.IsInterval() {
		t.Errorf("zero Date: precision %v, approx %v, uncertain %v, interval %v",
			d.Precision(), d.Approximate(), d.Uncertain(), d.IsInterval())
	}
	if d.Display() != "undated" || d.Short() != "undated" || d.Describe() != "undated" {
		t.Errorf("zero Date: Display %q, Short %q, Describe %q", d.Display(), d.Short(), d.Describe())
	}
	if d.Contains(0) || d.Contains(MaxDay) {
		t.Error("zero Date contains a day")
	}
}

func TestDateContains(t *testing.T) {
	d := MustParse("2023-02")
	for _, tt := range []struct {
		day  Day
		want bool
	}{
		{DayFromCivil(2023, 1, 31), false},
		{DayFromCivil(2023, 2, 1), true},
		{DayFromCivil(2023, 2, 28), true},
		{DayFromCivil(2023, 3, 1), false},
	} {
		if got := d.Contains(tt.day); got != tt.want {
			t.Errorf("2023-02 Contains(%v) = %v", tt.day, got)
		}
	}
	if !MustParse("../2023").Contains(DayFromCivil(-5000, 1, 1)) {
		t.Error("../2023 does not contain 5001 BC")
	}
}

func TestCompareDatesSort(t *testing.T) {
	in := []string{
		"", "2023-03-17", "2023", "2023-03", "../2023-01", "2023-03-18/2023-03-19",
		"2023-03-17/2023-03-20", "201X", "2023-02-24/..", "2023-03-17T10:00:00Z",
		"", "-0044-03-15", "Y-13800000000", "2023-01~", "2001-24", "2002-01",
		"Y170000002",
	}
	want := []string{
		"../2023-01",            // MinDay
		"Y-13800000000",         // far past
		"-0044-03-15",           //
		"2001-24",               // 2001-12-01
		"2002-01",               // 2002-01-01
		"201X",                  // 2010-01-01
		"2023-01~",              // 2023-01-01..01-31
		"2023",                  // 2023-01-01..12-31
		"2023-02-24/..",         // 2023-02-24..MaxDay
		"2023-03",               // 2023-03-01..03-31
		"2023-03-17",            // a day, then the same day again (stable)
		"2023-03-17T10:00:00Z",  //
		"2023-03-17/2023-03-20", // same start, later end
		"2023-03-18/2023-03-19", //
		"Y170000002",            // far future
		"", "",                  // undated last
	}
	dates := make([]Date, len(in))
	for i, s := range in {
		if s == "" {
			continue
		}
		dates[i] = MustParse(s)
	}
	sort.SliceStable(dates, func(i, j int) bool { return Compare(dates[i], dates[j]) < 0 })
	for i, d := range dates {
		if d.String() != want[i] {
			got := make([]string, len(dates))
			for k, d := range dates {
				got[k] = d.String()
			}
			t.Fatalf("sorted order:\n got %q\nwant %q", got, want)
		}
	}
	a, b := MustParse("2023-03-17"), MustParse("2023-03")
	if Compare(a, b) != 1 || Compare(b, a) != -1 || Compare(a, a) != 0 {
		t.Errorf("Compare(2023-03-17, 2023-03) = %d, reversed %d", Compare(a, b), Compare(b, a))
	}
	if Compare(Date{}, a) != 1 || Compare(a, Date{}) != -1 || Compare(Date{}, Date{}) != 0 {
		t.Error("Compare does not put undated last")
	}
}

func TestDateJSON(t *testing.T) {
	// The zero Date marshals as "".
	if b, _ := json.Marshal(Date{}); string(b) != `""` {
		t.Errorf("Marshal(zero) = %s", b)
	}
	for _, tt := range []struct {
		in   string
		want string // String() of the result; "!" means an error
	}{
		{`"2023-03-17"`, "2023-03-17"},
		{`" 2023-03-17 "`, "2023-03-17"},
		{`""`, ""},
		{`null`, ""},
		{`2014`, "2014"},
		{`"2023-02-30"`, "!"},
		{`true`, "!"},
		{`{}`, "!"},
	} {
		d := MustParse("1999")
		err := json.Unmarshal([]byte(tt.in), &d)
		switch {
		case tt.want == "!":
			if err == nil {
				t.Errorf("Unmarshal(%s) succeeded with %q; want an error", tt.in, d)
			} else if d.String() != "1999" {
				t.Errorf("Unmarshal(%s) failed but changed the date to %q", tt.in, d)
			}
		case err != nil:
			t.Errorf("Unmarshal(%s): %v", tt.in, err)
		case d.String() != tt.want:
			t.Errorf("Unmarshal(%s) = %q, want %q", tt.in, d, tt.want)
		}
	}
}

func TestDateTextAndYAML(t *testing.T) {
	d := MustParse("2023-03-18/2023-03-19")
	text, err := d.MarshalText()
	if err != nil || string(text) != "2023-03-18/2023-03-19" {
		t.Errorf("MarshalText = %q, %v", text, err)
	}
	var back Date
	if err := back.UnmarshalText(text); err != nil || back != d {
		t.Errorf("UnmarshalText(%q) = %#v, %v", text, back, err)
	}
	if err := back.UnmarshalText(nil); err != nil || !back.IsZero() {
		t.Errorf("UnmarshalText(empty) = %#v, %v", back, err)
	}
	if err := back.UnmarshalText([]byte("nope")); err == nil {
		t.Error("UnmarshalText(nope) succeeded")
	}
	if v, err := d.MarshalYAML(); err != nil || v != "2023-03-18/2023-03-19" {
		t.Errorf("MarshalYAML = %#v, %v", v, err)
	}
	if v, _ := (Date{}).MarshalYAML(); v != "" {
		t.Errorf("MarshalYAML(zero) = %#v", v)
	}
}

func TestDayFromCivilMatchesTime(t *testing.T) {
	// Every day from 2000 BC to AD 3000 against the time package, which
	// also counts proleptic Gregorian days with astronomical years.
	start := DayFromCivil(-1999, 1, 1)
	end := DayFromCivil(3000, 12, 31)
	for d := start; d <= end; d++ {
		tm := time.Unix(int64(d)*86400, 0).UTC()
		y, m, day := d.Civil()
		if y != int64(tm.Year()) || m != int(tm.Month()) || day != tm.Day() {
			t.Fatalf("Day(%d).Civil() = %d-%d-%d, time says %s", d, y, m, day, tm.Format("2006-01-02"))
		}
		if got := DayFromCivil(y, m, day); got != d {
			t.Fatalf("DayFromCivil(%d, %d, %d) = %d, want %d", y, m, day, got, d)
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("Day(%d).Weekday() = %v, want %v", d, d.Weekday(), tm.Weekday())
		}
	}
	if got := DayFromCivil(1970, 1, 1); got != 0 {
		t.Errorf("DayFromCivil(1970, 1, 1) = %d", got)
	}
	if got := DayFromTime(time.Date(2023, 3, 17, 23, 0, 0, 0, time.FixedZone("x", -5*3600))); got.String() != "2023-03-17" {
		t.Errorf("DayFromTime = %v", got)
	}
	// Months outside 1–12 carry into the year.
	if DayFromCivil(2023, 13, 1) != DayFromCivil(2024, 1, 1) || DayFromCivil(2023, 0, 1) != DayFromCivil(2022, 12, 1) ||
		DayFromCivil(2023, -11, 1) != DayFromCivil(2022, 1, 1) {
		t.Error("DayFromCivil does not carry months into years")
	}
}

func TestDayRoundTripFarYears(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	limit := int64(DayFromCivil(MaxYear, 12, 31))
	for range 100000 {
		d := Day(r.Int64N(2*limit) - limit)
		y, m, day := d.Civil()
		if m < 1 || m > 12 || day < 1 || day > DaysIn(y, m) {
			t.Fatalf("Day(%d).Civil() = %d-%d-%d", d, y, m, day)
		}
		if got := DayFromCivil(y, m, day); got != d {
			t.Fatalf("DayFromCivil(Day(%d).Civil()) = %d", d, got)
		}
	}
	// Consecutive days across a far year boundary.
	d := DayFromCivil(-13800000000, 1, 1)
	if y, m, day := (d - 1).Civil(); y != -13800000001 || m != 12 || day != 31 {
		t.Errorf("day before -13800000000-01-01 is %d-%d-%d", y, m, day)
	}
}

func TestDayString(t *testing.T) {
	for _, tt := range []struct {
		d    Day
		want string
	}{
		{DayFromCivil(2023, 3, 17), "2023-03-17"},
		{DayFromCivil(-44, 3, 15), "-0044-03-15"},
		{DayFromCivil(0, 1, 1), "0000-01-01"},
		{DayFromCivil(7, 1, 1), "0007-01-01"},
		{DayFromCivil(-13800000000, 1, 1), "-13800000000-01-01"},
		{DayFromCivil(170000002, 12, 31), "170000002-12-31"},
		{MinDay, ".."},
		{MaxDay, ".."},
	} {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("Day(%d).String() = %q, want %q", int64(tt.d), got, tt.want)
		}
	}
}

func TestPrecisionString(t *testing.T) {
	if PrecisionDay.String() != "day" || PrecisionCentury.String() != "century" || PrecisionNone.String() != "none" {
		t.Errorf("Precision names: %v %v %v", PrecisionDay, PrecisionCentury, PrecisionNone)
	}
}

func TestParseDateAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(1000, func() {
		if _, err := Parse("2023-03-17"); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("ParseDate(YYYY-MM-DD) allocates %v times; want 0", allocs)
	}
}

func BenchmarkParseDate(b *testing.B) {
	for _, s := range []string{"2023-03-17", "2023-03", "2004-06~/2004-08?"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2023-03-17", "2023-02", "2014", "2023-03-18/2023-03-19", "2023-01~", "2023-03-20?",
		"2004-06~?", "2004-06%", "../2023-01", "2023-02-24/..", "/2023-01", "2023-01/", "201X",
		"20XX", "2004-XX", "1985-XX-XX", "-0044-03-15", "Y170000002", "Y-13800000000", "2001-24",
		"2023-03-17T10:00:00Z", "2023-03-17T10:00:00+05:00", "2004-06~/2004-08?", "2023-02-30",
		"0000-00-00", "12345", "-0000", "../..", "Y-999999999999999", "-01XX/000X",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) failed but returned %#v", s, d)
			}
			if !strings.HasPrefix(err.Error(), `"`) {
				t.Fatalf("ParseDate(%q) error %q does not quote the input", s, err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q) succeeded with the zero Date", s)
		}
		if d.Earliest() > d.Latest() {
			t.Fatalf("ParseDate(%q): Earliest %v after Latest %v", s, d.Earliest(), d.Latest())
		}
		again, err := Parse(d.String())
		if err != nil {
			t.Fatalf("ParseDate(%q) = %q, which does not parse again: %v", s, d, err)
		}
		if again != d {
			t.Fatalf("ParseDate(%q) = %#v; again %#v", s, d, again)
		}
		if d.Display() == "" || d.Short() == "" || d.Describe() == "" {
			t.Fatalf("ParseDate(%q): Display %q, Short %q, Describe %q", s, d.Display(), d.Short(), d.Describe())
		}
		text, _ := d.MarshalJSON()
		var back Date
		if err := back.UnmarshalJSON(text); err != nil || back != d {
			t.Fatalf("ParseDate(%q): JSON %s gives %#v, %v", s, text, back, err)
		}
	})
}
