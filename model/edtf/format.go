package edtf

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

var monthAbbr = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// gregorianStart is 1582-10-15, the first day of the Gregorian calendar.
// Display gives no weekday before it: a proleptic weekday would mislead
// readers of dates that sources wrote in the Julian calendar.
var gregorianStart = DayFromCivil(1582, 10, 15)

var seasonNames = [...]string{"Spring", "Summer", "Autumn", "Winter"}

// style says how to write a date.
type style struct {
	full   bool      // Display (weekdays, times, "some day in") rather than Short
	detail Precision // the finest unit to show: Day shows all; Month drops days; Year drops months and seasons
}

// Display is the date as a reader says it, in full:
//
//	2023-03-17             Fri 17 Mar 2023
//	2023-03-17T10:00:00Z   Fri 17 Mar 2023, 10:00 UTC
//	2023-02                Feb 2023
//	2014                   2014
//	2023-01~               c. Jan 2023      (approximate days drop the weekday)
//	2023-03-20?            Mon 20 Mar 2023?
//	2004-06%               c. Jun 2004?
//	2001-21                Spring 2001
//	201X, 20XX             2010s, 21st century
//	2004-XX, 1985-04-XX    some month in 2004, some day in Apr 1985
//	-0044-03-15            15 Mar 45 BC     (astronomical -44 is 45 BC)
//	0800                   AD 800
//	Y170000002             AD 170,000,002
//	Y-13800000000          13.8 billion years ago (see yearName)
//	2023-03-18/2023-03-19  18–19 Mar 2023
//	2023-02-28/2023-03-03  28 Feb – 3 Mar 2023
//	1964/2008              1964–2008
//	../2023-01             by Jan 2023
//	2023-02-24/..          from 24 Feb 2023
//	/2023-01, 2023-01/     ? – Jan 2023, Jan 2023 – ?
//	zero Date              undated
//
// Interval ends that carry a qualifier are written each in full with its
// own qualifier: "c. Jun 2004 – Aug 2004?". Single days before the
// Gregorian calendar began (1582-10-15) get no weekday, since sources date
// them in the Julian calendar and a proleptic weekday would mislead. A
// date-time shows the time as written, on the day as written.
func (d Date) Display() string {
	return d.format(style{full: true, detail: PrecisionDay})
}

// Short is the compact form for a timeline gutter: Display without the
// weekday, time or "some … in", with unspaced dashes, as in "17 Mar 2023",
// "18–19 Mar 2023", "28 Feb–3 Mar 2023" (cut to "Feb–Mar 2023" to fit),
// "c. Jan 2023", "by Jan 2023", "from 24 Feb 2023", "2014", "2010s".
// When the form at the date's own precision is wider than ShortWidth (16)
// columns, Short drops days, then months; only the exotic dates listed at
// ShortWidth stay wider. Big years shorten their
// words: "13.8bn years ago".
func (d Date) Short() string {
	var s string
	for _, detail := range []Precision{PrecisionDay, PrecisionMonth, PrecisionYear} {
		t := d.format(style{detail: detail})
		if s == "" || utf8.RuneCountInString(t) < utf8.RuneCountInString(s) {
			s = t
		}
		if utf8.RuneCountInString(s) <= ShortWidth {
			break
		}
	}
	return s
}

func (d Date) format(st style) string {
	iv, isInterval, ok := d.reparse()
	if !ok {
		if d.raw == "" {
			return "undated"
		}
		return d.raw
	}
	if !isInterval {
		return iv.start.qualified(st, true)
	}
	a, b := &iv.start, &iv.end
	dash := "–"
	spaced := " – "
	if !st.full {
		spaced = dash
	}
	switch {
	case a.kind == endOpen:
		return "by " + b.qualified(st, false)
	case b.kind == endOpen:
		return "from " + a.qualified(st, false)
	case a.kind == endUnknown:
		return "?" + spaced + b.qualified(st, false)
	case b.kind == endUnknown:
		return a.qualified(st, false) + spaced + "?"
	}
	if s, ok := collapse(a, b, st); ok {
		return s
	}
	sa, sb := a.qualified(st, false), b.qualified(st, false)
	if sa == sb {
		return sa
	}
	if strings.IndexByte(sa, ' ') < 0 && strings.IndexByte(sb, ' ') < 0 {
		return sa + dash + sb
	}
	return sa + spaced + sb
}

// collapse writes an interval without repeating what its ends share:
// "18–19 Mar 2023", "Jun–Aug 2004", "101–51 BC". Display collapses only
// unqualified ends; Short also collapses qualified ones, marking the whole
// with every qualifier the ends carry ("c. Jun–Aug 2004?").
func collapse(a, b *point, st style) (string, bool) {
	q := a.q | b.q
	if (st.full && (q != 0 || a.hasTime || b.hasTime)) ||
		a.prec > PrecisionYear || b.prec > PrecisionYear || a.monthX || b.monthX {
		return "", false
	}
	s, ok := collapseCore(a, b, st)
	if !ok {
		return "", false
	}
	return qualify(s, q), true
}

func collapseCore(a, b *point, st style) (string, bool) {
	showMonth := st.detail < PrecisionYear
	ma, mb := showMonth && a.month > 0, showMonth && b.month > 0
	if !ma && !mb {
		// Both ends shown as years.
		switch {
		case a.ylo == b.ylo:
			return yearName(a.ylo, !st.full), true
		case a.ylo > -1_000_000 && b.ylo > -1_000_000:
			return yearRange(a.ylo, b.ylo), true
		}
		return "", false
	}
	if !ma || !mb || a.ylo != b.ylo {
		return "", false
	}
	year := yearName(a.ylo, !st.full)
	da, db := st.detail <= PrecisionDay && a.day > 0, st.detail <= PrecisionDay && b.day > 0
	switch {
	case da && db && a.month == b.month:
		if a.day == b.day {
			return strconv.Itoa(a.day) + " " + monthAbbr[a.month] + " " + year, true
		}
		return strconv.Itoa(a.day) + "–" + strconv.Itoa(b.day) + " " + monthAbbr[a.month] + " " + year, true
	case da && db:
		sep := " – "
		if !st.full {
			sep = "–"
		}
		return strconv.Itoa(a.day) + " " + monthAbbr[a.month] + sep +
			strconv.Itoa(b.day) + " " + monthAbbr[b.month] + " " + year, true
	case !da && !db && !(st.full && (a.dayX || b.dayX)):
		if a.month == b.month {
			return monthLabel(a.month) + " " + year, true
		}
		return monthLabel(a.month) + "–" + monthLabel(b.month) + " " + year, true
	}
	return "", false
}

// qualify marks s with q: "c. " before for approximate, "?" after for
// uncertain.
func qualify(s string, q qual) string {
	if q&qualApprox != 0 {
		s = "c. " + s
	}
	if q&qualUncertain != 0 {
		s += "?"
	}
	return s
}

func monthLabel(m int) string {
	if m > 12 {
		return seasonNames[m-21]
	}
	return monthAbbr[m]
}

// qualified is the point's label with its qualifiers: "c. Jan 2023?".
func (p *point) qualified(st style, single bool) string {
	return qualify(p.label(st, single), p.q)
}

// label is the point without qualifiers.
func (p *point) label(st style, single bool) string {
	switch p.prec {
	case PrecisionDecade:
		if p.ylo >= 1000 {
			return strconv.FormatInt(p.ylo, 10) + "s"
		}
		return yearRange(p.ylo, p.yhi)
	case PrecisionCentury:
		if p.ylo >= 0 {
			return ordinal(p.ylo/100+1) + " century"
		}
		return ordinal(-p.yhi/100+1) + " century BC"
	}
	year := yearName(p.ylo, !st.full)
	showMonth := st.detail < PrecisionYear && p.month > 0
	showDay := st.detail <= PrecisionDay && showMonth && p.day > 0
	var b strings.Builder
	if showDay {
		if day := DayFromCivil(p.ylo, p.month, p.day); st.full && single && p.q&qualApprox == 0 && day >= gregorianStart {
			b.WriteString(day.Weekday().String()[:3])
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(p.day))
		b.WriteByte(' ')
	}
	if showMonth {
		b.WriteString(monthLabel(p.month))
		b.WriteByte(' ')
	}
	b.WriteString(year)
	if st.full && showDay && p.hasTime {
		b.WriteString(", ")
		b.WriteString(p.timeLabel())
	}
	s := b.String()
	if st.full && single {
		switch {
		case p.dayX && (showMonth || p.monthX):
			s = "some day in " + s
		case p.monthX:
			s = "some month in " + s
		}
	}
	return s
}

// timeLabel is "10:00 UTC", "23:20:30 UTC-04" or "10:00" (no zone given).
func (p *point) timeLabel() string {
	b := make([]byte, 0, 20)
	b = append(b, byte('0'+p.hh/10), byte('0'+p.hh%10), ':', byte('0'+p.mi/10), byte('0'+p.mi%10))
	if p.ss != 0 {
		b = append(b, ':', byte('0'+p.ss/10), byte('0'+p.ss%10))
	}
	switch {
	case p.zone == "Z":
		b = append(b, " UTC"...)
	case p.zone != "":
		b = append(b, " UTC"...)
		b = append(b, p.zone...)
	}
	return string(b)
}

// yearName writes an astronomical year for readers: "2023", "AD 800",
// "45 BC", "50,000 BC", "AD 170,000,002"; from a million years back,
// "13.8 billion years ago" (short: "13.8bn years ago"), taken from the
// year's magnitude, which at that scale differs from "years before now"
// by under 0.3%.
func yearName(y int64, short bool) string {
	switch {
	case y >= 10000:
		return "AD " + groupDigits(y)
	case y >= 1000:
		return strconv.FormatInt(y, 10)
	case y >= 1:
		return "AD " + strconv.FormatInt(y, 10)
	case y > -1_000_000:
		return groupDigits(1-y) + " BC"
	}
	return yearsAgo(-y, short)
}

func yearsAgo(n int64, short bool) string {
	units := []struct {
		size        float64
		long, short string
	}{{1e6, " million", "m"}, {1e9, " billion", "bn"}, {1e12, " trillion", "tn"}}
	v := float64(n)
	k := 0
	for k+1 < len(units) && v >= units[k+1].size {
		k++
	}
	x := v / units[k].size
	num := threeFigures(x)
	if num == "1000" && k+1 < len(units) {
		k++
		num = "1"
	}
	if short {
		return num + units[k].short + " years ago"
	}
	return num + units[k].long + " years ago"
}

// threeFigures writes x (≥ 1) to three significant figures, without
// trailing zeros: 13.8, 4.54, 250, 1.
func threeFigures(x float64) string {
	dec := 0
	switch {
	case x < 10:
		dec = 2
	case x < 100:
		dec = 1
	}
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// yearRange writes a span of years: "2020–2011 BC", "AD 800–809",
// "1 BC – AD 9".
func yearRange(lo, hi int64) string {
	switch {
	case hi <= 0:
		return groupDigits(1-lo) + "–" + groupDigits(1-hi) + " BC"
	case lo >= 1000:
		return strconv.FormatInt(lo, 10) + "–" + strconv.FormatInt(hi, 10)
	case lo >= 1:
		return "AD " + strconv.FormatInt(lo, 10) + "–" + strconv.FormatInt(hi, 10)
	}
	return yearName(lo, false) + " – " + yearName(hi, false)
}

// groupDigits writes n ≥ 0 with thousands commas from five digits up.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	if len(s) <= 4 {
		return s
	}
	var b strings.Builder
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func ordinal(n int64) string {
	s := strconv.FormatInt(n, 10)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}
