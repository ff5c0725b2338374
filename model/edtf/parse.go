package edtf

import (
	"strconv"
	"strings"
)

// Parse parses an EDTF (ISO 8601-2 Level 0 and 1) string, ignoring
// surrounding white space. The empty string is an error: use the zero Date
// for "undated" (the JSON, text and YAML decoders map "" to it).
// The common "YYYY-MM-DD" form parses without allocating.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	d, reason := parse(s)
	if reason != "" {
		if hint := diagnose(s); hint != "" {
			reason = hint
		}
		return Date{}, &DateError{Input: s, Reason: reason}
	}
	return d, nil
}

// MustParse is Parse for literals known to be good; it panics on an
// error.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// parse reads a trimmed string; a non-empty reason means it failed.
func parse(s string) (Date, string) {
	if s == "" {
		return Date{}, `empty date; write an EDTF date such as "2023-03-17", or leave the field out for "undated"`
	}
	slash := strings.IndexByte(s, '/')
	if slash < 0 {
		if s == ".." {
			return Date{}, `".." is an open end and belongs in an interval, as in "../2023-01" or "2023-02-24/.."`
		}
		var p point
		if reason := p.parse(s); reason != "" {
			return Date{}, reason
		}
		return Date{raw: s, lo: p.lo, hi: p.hi, meta: uint8(p.prec) | p.q.meta()}, ""
	}
	var iv interval
	if reason := iv.parse(s, slash); reason != "" {
		return Date{}, reason
	}
	d := Date{raw: s, lo: MinDay, hi: MaxDay, meta: metaInterval}
	prec := PrecisionNone
	if iv.start.kind == endDate {
		d.lo = iv.start.lo
		prec = iv.start.prec
		d.meta |= iv.start.q.meta()
	}
	if iv.end.kind == endDate {
		d.hi = iv.end.hi
		prec = max(prec, iv.end.prec)
		d.meta |= iv.end.q.meta()
	}
	d.meta |= uint8(prec)
	return d, ""
}

// diagnose finds a likelier cause for a failed parse than the parser's own
// reason, for mistakes people make often.
func diagnose(s string) string {
	if edtf := fromWords(s); edtf != "" {
		return `EDTF writes dates as numbers, year first: write "` + edtf + `"`
	}
	switch {
	case isRelative(s):
		return `dates relative to today ("yesterday", "last Friday") are not EDTF; write the day itself, such as "2023-03-17"`
	case strings.ContainsAny(s, "–—"):
		return `use "/" between the start and end of an interval, as in "1964/2008" or "2023-03-18/2023-03-19"`
	case strings.ContainsAny(s, " \t\n"):
		if i := strings.IndexAny(s, " \t"); i > 0 && strings.Contains(s[i:], ":") {
			return `EDTF has no spaces; put "T" between a date and its time, as in "2023-03-17T10:00:00"`
		}
		return `EDTF has no spaces; write a date such as "2023-03-17" or an interval such as "2023-03-18/2023-03-19"`
	case strings.ContainsAny(s, "[]{}"):
		return `sets and lists ("[…]", "{…}") are EDTF Level 2, which dateline does not read; use a single date or an interval`
	case strings.Count(s, "/") > 1:
		if first, _, _ := strings.Cut(s, "/"); len(first) <= 2 && strings.Trim(s, "0123456789/") == "" {
			return `write dates year first with hyphens, as in "2023-03-17", not with slashes`
		}
		return `an interval has exactly one "/", as in "2023-03-18/2023-03-19"`
	}
	return ""
}

// isRelative reports whether s names a day relative to today, which a
// story's date cannot be.
func isRelative(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "yesterday", "today", "tomorrow", "now", "tonight":
		return true
	}
	for _, p := range []string{"last ", "next ", "this ", "ago"} {
		if strings.HasPrefix(s, p) || strings.HasSuffix(s, " "+p) {
			return true
		}
	}
	return false
}

// fromWords turns a date written in words, such as "21 March 2023",
// "March 21, 2023" or "Mar 2023", into EDTF; it returns "" if s is not
// one.
func fromWords(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '\t' })
	if len(words) < 2 || len(words) > 3 {
		return ""
	}
	month, day, year := 0, 0, ""
	for _, w := range words {
		switch {
		case len(w) == 4 && strings.Trim(w, "0123456789") == "" && year == "":
			year = w
		case len(w) <= 4 && day == 0 && strings.Trim(w, "0123456789") != w:
			n, err := strconv.Atoi(strings.TrimRight(w, "stndrh"))
			if err != nil || n < 1 || n > 31 {
				return ""
			}
			day = n
		case len(w) >= 3 && month == 0:
			for m := 1; m <= 12; m++ {
				if strings.HasPrefix(strings.ToLower(monthNames[m]), strings.ToLower(w)) {
					month = m
				}
			}
			if month == 0 {
				return ""
			}
		default:
			return ""
		}
	}
	if month == 0 || year == "" || (day == 0 && len(words) == 3) {
		return ""
	}
	out := year + "-" + monthNum(month)
	if day > 0 {
		y, _ := strconv.ParseInt(year, 10, 64)
		if day > DaysIn(y, month) {
			return ""
		}
		out += "-" + monthNum(day)
	}
	return out
}

func monthNum(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

type endKind uint8

const (
	endDate    endKind = iota
	endOpen            // ".."
	endUnknown         // "" (the null string)
)

type qual uint8

const (
	qualApprox qual = 1 << iota
	qualUncertain
)

func (q qual) meta() uint8 {
	var m uint8
	if q&qualApprox != 0 {
		m |= metaApprox
	}
	if q&qualUncertain != 0 {
		m |= metaUncertain
	}
	return m
}

// point is one date: a whole single date or one end of an interval.
type point struct {
	kind     endKind
	prec     Precision
	q        qual
	ylo, yhi int64 // the years it may be in (equal unless the year has X)
	month    int   // 1–12, 21–24 for a season, 0 if not given or "XX"
	day      int   // 0 if not given or "XX"
	monthX   bool  // month written "XX"
	dayX     bool  // day written "XX"
	bigY     bool  // written with the "Y" prefix
	hasTime  bool
	hh, mi   int
	ss       int
	zone     string // "Z", "+05:00", "-04" or ""
	text     string // the source text, qualifier included
	lo, hi   Day
}

type interval struct {
	start, end point
}

func (iv *interval) parse(s string, slash int) string {
	a, b := s[:slash], s[slash+1:]
	if strings.IndexByte(b, '/') >= 0 {
		return `an interval has exactly one "/", as in "2023-03-18/2023-03-19"`
	}
	if reason := iv.start.parseEnd(a); reason != "" {
		return "start " + strconv.Quote(a) + ": " + reason
	}
	if reason := iv.end.parseEnd(b); reason != "" {
		return "end " + strconv.Quote(b) + ": " + reason
	}
	if iv.start.kind != endDate && iv.end.kind != endDate {
		return `an interval needs at least one known end, as in "../2023-01" or "2023-02-24/.."`
	}
	if iv.start.kind == endDate && iv.end.kind == endDate && iv.start.lo > iv.end.hi {
		return "the interval starts after it ends (" + strconv.Quote(a) + " is later than " +
			strconv.Quote(b) + "); put the earlier date first"
	}
	return ""
}

func (p *point) parseEnd(s string) string {
	switch s {
	case "":
		p.kind = endUnknown
		return ""
	case "..":
		p.kind = endOpen
		return ""
	}
	return p.parse(s)
}

const garbage = `not an EDTF date; expected a form such as "2023-03-17", "2023-03", "2023" or "2023-03-18/2023-03-19"`

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digits2 reads two digits at s[i:]; ok is false if they are not there.
func digits2(s string, i int) (int, bool) {
	if i+2 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) {
		return 0, false
	}
	return int(s[i]-'0')*10 + int(s[i+1]-'0'), true
}

// parse reads one date (no "/"); a non-empty result is the reason it fails.
func (p *point) parse(s string) string {
	p.kind = endDate
	p.text = s
	body := s
	switch {
	case strings.HasSuffix(body, "~?"), strings.HasSuffix(body, "?~"):
		p.q = qualApprox | qualUncertain
		body = body[:len(body)-2]
	case strings.HasSuffix(body, "%"):
		p.q = qualApprox | qualUncertain
		body = body[:len(body)-1]
	case strings.HasSuffix(body, "~"):
		p.q = qualApprox
		body = body[:len(body)-1]
	case strings.HasSuffix(body, "?"):
		p.q = qualUncertain
		body = body[:len(body)-1]
	}
	if body == "" {
		if p.q != 0 {
			return `a qualifier needs a date before it, as in "2004-06~"`
		}
		return garbage
	}
	if i := strings.IndexAny(body, "?~%"); i >= 0 {
		if i == len(body)-1 {
			return `use a single qualifier: "?" uncertain, "~" approximate, "%" both`
		}
		return `a qualifier ("?", "~" or "%") goes only at the end of a date, as in "2004-06-11?"; qualifying part of a date is EDTF Level 2, which dateline does not read`
	}
	switch body[0] {
	case 'Y':
		return p.parseBigYear(body)
	case 'y':
		if len(body) > 1 && (isDigit(body[1]) || body[1] == '-') {
			return `write the year prefix as capital "Y", as in "Y170000002"`
		}
		return garbage
	case '+':
		return `EDTF years take no "+" sign; write "2023", or "-0044" for 45 BC`
	}
	neg := body[0] == '-'
	i := 0
	if neg {
		i = 1
	}
	j := i
	for j < len(body) && (isDigit(body[j]) || body[j] == 'X') {
		j++
	}
	ychars := body[i:j]
	if j < len(body) && (body[j] == 'x' || body[j] == 'u') && len(ychars) < 4 {
		return `write unspecified digits as capital "X", as in "201X" or "2004-XX"`
	}
	switch {
	case len(ychars) == 0:
		return garbage
	case len(ychars) > 4:
		if strings.IndexByte(ychars, 'X') < 0 {
			return `a year of more than four digits needs EDTF's "Y" prefix, as in "Y` + body[:j] + `"`
		}
		return `a year has four digits, as in "2023" or "201X"`
	case len(ychars) < 4:
		return `a year needs four digits, as in "2023" (write AD 23 as "0023")`
	}
	// ychars: four digits or X, X only at the right, at most two.
	nd := 0
	for nd < 4 && isDigit(ychars[nd]) {
		nd++
	}
	for k := nd; k < 4; k++ {
		if ychars[k] != 'X' {
			return `"X" may stand only for the last one or two digits of a year, as in "201X" or "20XX"`
		}
	}
	if nd < 2 {
		return `"X" may stand for at most the last two digits of a year, as in "20XX"; for a wholly unknown year leave the date out`
	}
	var y int64
	for k := 0; k < nd; k++ {
		y = y*10 + int64(ychars[k]-'0')
	}
	span := int64(1)
	for k := nd; k < 4; k++ {
		y *= 10
		span *= 10
	}
	if neg && nd == 4 && y == 0 {
		return `year zero takes no sign; write "0000" (1 BC)`
	}
	if neg {
		p.ylo, p.yhi = -y-span+1, -y
	} else {
		p.ylo, p.yhi = y, y+span-1
	}
	switch nd {
	case 4:
		p.prec = PrecisionYear
	case 3:
		p.prec = PrecisionDecade
	default:
		p.prec = PrecisionCentury
	}
	if nd < 4 {
		if j < len(body) {
			return `a year with "X" digits must stand alone, as in "201X"; "X" in a year with a month or day is EDTF Level 2, which dateline does not read`
		}
		p.setBounds()
		return ""
	}
	if j == len(body) {
		p.setBounds()
		return ""
	}
	// Month.
	if body[j] != '-' {
		return p.trailing(body, j)
	}
	j++
	month, mlen := body[j:], 0
	for mlen < len(month) && (isDigit(month[mlen]) || month[mlen] == 'X' || month[mlen] == 'x') {
		mlen++
	}
	switch {
	case mlen == 0:
		return `expected a two-digit month after "` + body[:j] + `", as in "2023-03"`
	case mlen == 1:
		return `a month needs two digits, as in "2023-03"`
	case mlen > 2:
		return `a month has two digits, as in "2023-03"`
	}
	mtext := month[:2]
	switch {
	case mtext == "XX":
		p.monthX = true
	case strings.ContainsAny(mtext, "Xx"):
		if mtext == "xx" {
			return `write unspecified digits as capital "X", as in "2004-XX"`
		}
		return `a month is two digits or "XX", as in "2004-06" or "2004-XX"`
	default:
		m, _ := digits2(mtext, 0)
		switch {
		case 1 <= m && m <= 12, 21 <= m && m <= 24:
			p.month = m
		case 25 <= m && m <= 41:
			return "season " + mtext + ` is EDTF Level 2, which dateline does not read; use 21 (spring), 22 (summer), 23 (autumn) or 24 (winter)`
		default:
			return "month " + mtext + ` does not exist; months run 01 to 12 (or 21 to 24 for spring, summer, autumn and winter)`
		}
	}
	j += 2
	if p.monthX {
		p.prec = PrecisionYear
	} else if p.month > 12 {
		p.prec = PrecisionSeason
	} else {
		p.prec = PrecisionMonth
	}
	if j == len(body) {
		p.setBounds()
		return ""
	}
	if body[j] != '-' {
		return p.trailing(body, j)
	}
	if p.month > 12 {
		return `a season (21 to 24) cannot have a day; write "` + body[:j] + `"`
	}
	// Day.
	j++
	day, dlen := body[j:], 0
	for dlen < len(day) && (isDigit(day[dlen]) || day[dlen] == 'X' || day[dlen] == 'x') {
		dlen++
	}
	switch {
	case dlen == 0:
		return `expected a two-digit day after "` + body[:j] + `", as in "2023-03-07"`
	case dlen == 1:
		return `a day needs two digits, as in "2023-03-07"`
	case dlen > 2:
		return `a day has two digits, as in "2023-03-17"`
	}
	dtext := day[:2]
	switch {
	case dtext == "XX":
		p.dayX = true
	case strings.ContainsAny(dtext, "Xx"):
		if dtext == "xx" {
			return `write unspecified digits as capital "X", as in "1985-04-XX"`
		}
		return `a day is two digits or "XX", as in "1985-04-12" or "1985-04-XX"`
	case p.monthX:
		return `with an unspecified month ("XX") the day must be unspecified too, as in "1985-XX-XX"; a known day in an unknown month is EDTF Level 2`
	default:
		d, _ := digits2(dtext, 0)
		if d == 0 || d > 31 {
			return "day " + dtext + " does not exist; days run 01 to 31"
		}
		if dim := DaysIn(p.ylo, p.month); d > dim {
			return monthNames[p.month] + " " + body[:i+4] + " has " + strconv.Itoa(dim) + " days"
		}
		p.day = d
		p.prec = PrecisionDay
	}
	j += 2
	if j == len(body) {
		p.setBounds()
		return ""
	}
	if body[j] != 'T' {
		return p.trailing(body, j)
	}
	if p.dayX {
		return `a time needs a full date before "T", as in "2023-03-17T10:00:00"`
	}
	if reason := p.parseTime(body[j+1:]); reason != "" {
		return reason
	}
	p.setBounds()
	return ""
}

// trailing explains text the parser did not expect at body[j:].
func (p *point) trailing(body string, j int) string {
	switch c := body[j]; {
	case c == 'T' || c == 't':
		return `a time needs a full date (year, month and day) before "T", as in "2023-03-17T10:00:00"`
	case c == 'E' || c == 'S':
		return `exponents and significant digits are EDTF Level 2, which dateline does not read`
	}
	return "unexpected " + strconv.Quote(body[j:]) + " after " + strconv.Quote(body[:j]) +
		`; expected a form such as "2023-03-17", "2023-03" or "2023", optionally ending in "?", "~" or "%"`
}

// parseBigYear reads "Y" years: "Y170000002", "Y-13800000000".
func (p *point) parseBigYear(body string) string {
	i := 1
	neg := i < len(body) && body[i] == '-'
	if neg {
		i++
	}
	j := i
	for j < len(body) && isDigit(body[j]) {
		j++
	}
	digits := body[i:j]
	if j < len(body) {
		switch body[j] {
		case 'E', 'S', 'e', 's':
			return `exponents ("E") and significant digits ("S") are EDTF Level 2, which dateline does not read; write the year in full, as in "Y-170000000"`
		case '-':
			if len(digits) > 0 {
				return `a "Y" year stands alone: it cannot have a month or day`
			}
		}
		return `a "Y" year is "Y" and digits, with an optional minus sign, as in "Y170000002" or "Y-13800000000"`
	}
	if len(digits) == 0 {
		return `a "Y" year is "Y" and digits, with an optional minus sign, as in "Y170000002" or "Y-13800000000"`
	}
	digits = strings.TrimLeft(digits, "0")
	if len(digits) > 15 {
		return "the year is too far off; dateline reads years up to " + groupDigits(MaxYear) + " either side of year 0"
	}
	var y int64
	for k := 0; k < len(digits); k++ {
		y = y*10 + int64(digits[k]-'0')
	}
	if y <= 9999 {
		b := appendYear(nil, y)
		if neg && y != 0 {
			b = appendYear(nil, -y)
		}
		return `the "Y" prefix is only for years of more than four digits; write "` + string(b) + `"`
	}
	if neg {
		y = -y
	}
	p.ylo, p.yhi = y, y
	p.bigY = true
	p.prec = PrecisionYear
	p.setBounds()
	return ""
}

// parseTime reads "hh:mm:ss" and an optional zone after the "T".
func (p *point) parseTime(t string) string {
	const want = `a time is hours, minutes and seconds after "T", as in "2023-03-17T10:00:00", optionally ending in "Z" or an offset such as "+05:00"`
	hh, ok1 := digits2(t, 0)
	mi, ok2 := digits2(t, 3)
	if !ok1 || !ok2 || t[2] != ':' {
		return want
	}
	ss, ok3 := digits2(t, 6)
	if !ok3 || t[5] != ':' {
		return `a time needs seconds too, as in "T10:00:00"`
	}
	switch {
	case hh > 23:
		return "hour " + t[:2] + " does not exist; hours run 00 to 23"
	case mi > 59:
		return "minute " + t[3:5] + " does not exist; minutes run 00 to 59"
	case ss > 59:
		return "second " + t[6:8] + " does not exist; seconds run 00 to 59"
	}
	p.hasTime, p.hh, p.mi, p.ss = true, hh, mi, ss
	z := t[8:]
	switch {
	case z == "" || z == "Z":
		p.zone = z
		return ""
	case z[0] == '.' || z[0] == ',':
		return `EDTF times have no fractions of a second; write "T10:00:00"`
	case z[0] != '+' && z[0] != '-':
		return want
	}
	zh, ok := digits2(z, 1)
	if !ok || (len(z) != 3 && len(z) != 6) || (len(z) == 6 && z[3] != ':') {
		return `a time zone is "Z" or an offset of "+hh" or "+hh:mm", as in "+05:00" or "-04"`
	}
	if zh > 23 {
		return "offset hour " + z[1:3] + " does not exist; offsets run to 23"
	}
	if len(z) == 6 {
		zm, ok := digits2(z, 4)
		if !ok || zm > 59 {
			return `a time zone is "Z" or an offset of "+hh" or "+hh:mm", as in "+05:00" or "-04"`
		}
	}
	p.zone = z
	return ""
}

// setBounds fills lo and hi from the parsed fields.
func (p *point) setBounds() {
	switch {
	case p.day > 0:
		p.lo = DayFromCivil(p.ylo, p.month, p.day)
		p.hi = p.lo
	case p.month >= 21:
		first := 3 * (p.month - 20) // 3, 6, 9, 12
		p.lo = DayFromCivil(p.ylo, first, 1)
		p.hi = DayFromCivil(p.ylo, first+3, 1) - 1 // winter runs into next year
	case p.month > 0:
		p.lo = DayFromCivil(p.ylo, p.month, 1)
		p.hi = DayFromCivil(p.ylo, p.month+1, 1) - 1
	default:
		p.lo = DayFromCivil(p.ylo, 1, 1)
		p.hi = DayFromCivil(p.yhi+1, 1, 1) - 1
	}
}

// reparse parses d's text again for display; ok is false for the zero Date.
func (d Date) reparse() (iv interval, isInterval, ok bool) {
	if d.raw == "" {
		return iv, false, false
	}
	if slash := strings.IndexByte(d.raw, '/'); slash >= 0 {
		return iv, true, iv.parse(d.raw, slash) == ""
	}
	return iv, false, iv.start.parse(d.raw) == ""
}
