package edtf

import (
	"strconv"
	"strings"
)

// Describe says how precise d is, in words, for a detail pane:
//
//	2023-03-17               to the day
//	2023-03-17T10:00:00Z     to the day, at 10:00 UTC
//	2023-01~                 approximate, to the month
//	2023-03-20?              uncertain, to the day
//	2004-06%                 approximate and uncertain, to the month
//	2001-21                  to the season (Mar–May 2001)
//	201X                     to the decade (2010–2019)
//	1985-04-XX               to the month (day unspecified)
//	2023-03-18/2023-03-19    a 2-day interval
//	2004-06/2006-08          a 27-month interval
//	2004-02-01/2005-02       an interval, start to the day, end to the month
//	2004-06~/2004-08?        a 3-month interval; approximate start, uncertain end
//	../2023-01               open start; end to the month
//	/2023-01                 unknown start; end to the month
//	zero Date                undated
func (d Date) Describe() string {
	iv, isInterval, ok := d.reparse()
	if !ok {
		if d.raw == "" {
			return "undated"
		}
		return ""
	}
	if !isInterval {
		return iv.start.describe(true)
	}
	a, b := &iv.start, &iv.end
	switch {
	case a.kind != endDate:
		return endWord(a.kind) + " start; end " + b.describe(false)
	case b.kind != endDate:
		return endWord(b.kind) + " end; start " + a.describe(false)
	}
	var s string
	switch {
	case a.prec == PrecisionDay && b.prec == PrecisionDay:
		s = counted(int64(b.hi-a.lo)+1, "day")
	case a.prec == PrecisionMonth && b.prec == PrecisionMonth && !a.dayX && !b.dayX:
		s = counted((b.ylo*12+int64(b.month))-(a.ylo*12+int64(a.month))+1, "month")
	case a.prec == PrecisionYear && b.prec == PrecisionYear && !a.monthX && !b.monthX:
		s = counted(b.ylo-a.ylo+1, "year")
	case a.prec == b.prec:
		s = "an interval, to the " + a.prec.String()
	default:
		s = "an interval, start to the " + a.prec.String() + ", end to the " + b.prec.String()
	}
	switch {
	case a.q != 0 && a.q == b.q:
		s += "; " + qualWords(a.q) + " start and end"
	case a.q != 0 && b.q != 0:
		s += "; " + qualWords(a.q) + " start, " + qualWords(b.q) + " end"
	case a.q != 0:
		s += "; " + qualWords(a.q) + " start"
	case b.q != 0:
		s += "; " + qualWords(b.q) + " end"
	}
	return s
}

func endWord(k endKind) string {
	if k == endOpen {
		return "open"
	}
	return "unknown"
}

func qualWords(q qual) string {
	switch q {
	case qualApprox:
		return "approximate"
	case qualUncertain:
		return "uncertain"
	case qualApprox | qualUncertain:
		return "approximate and uncertain"
	}
	return ""
}

// counted is "a 2-day interval", "an 8-month interval".
func counted(n int64, unit string) string {
	num := groupDigits(n)
	digits := strconv.FormatInt(n, 10)
	art := "a"
	if digits[0] == '8' || (len(digits)%3 == 2 && (digits[:2] == "11" || digits[:2] == "18")) {
		art = "an"
	}
	return art + " " + num + "-" + unit + " interval"
}

// describe is one point's precision in words.
func (p *point) describe(single bool) string {
	var b strings.Builder
	if p.q != 0 {
		b.WriteString(qualWords(p.q))
		b.WriteString(", ")
	}
	b.WriteString("to the ")
	b.WriteString(p.prec.String())
	switch {
	case p.prec == PrecisionSeason:
		first := 3 * (p.month - 20)
		hy, hm, _ := p.hi.Civil()
		b.WriteString(" (")
		if hy == p.ylo {
			b.WriteString(monthAbbr[first] + "–" + monthAbbr[hm] + " " + yearName(p.ylo, false))
		} else {
			b.WriteString(monthAbbr[first] + " " + yearName(p.ylo, false) + " – " + monthAbbr[hm] + " " + yearName(hy, false))
		}
		b.WriteString(")")
	case p.prec == PrecisionDecade || p.prec == PrecisionCentury:
		b.WriteString(" (" + yearRange(p.ylo, p.yhi) + ")")
	case p.monthX && p.dayX:
		b.WriteString(" (month and day unspecified)")
	case p.monthX:
		b.WriteString(" (month unspecified)")
	case p.dayX:
		b.WriteString(" (day unspecified)")
	}
	if single && p.hasTime {
		b.WriteString(", at ")
		b.WriteString(p.timeLabel())
		if p.zone == "" {
			b.WriteString(" local time")
		}
	}
	return b.String()
}
