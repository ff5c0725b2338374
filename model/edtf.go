package model

// EDTF dates: the Library of Congress Extended Date/Time Format, which is
// ISO 8601-2, at Levels 0 and 1 (https://www.loc.gov/standards/datetime/).
//
// What ParseDate reads:
//
//	2023-03-17, 2023-03, 2023            a day, a month, a year
//	2023-03-17T10:00:00[Z|+05|+05:30]    a date-time (bounds stay whole days)
//	-0044-03-15                          astronomical years: 0000 is 1 BC
//	Y170000002, Y-13800000000            years of more than four digits
//	2001-21 .. 2001-24                   spring, summer, autumn, winter
//	2023-01~  2023-03-20?  2004-06%      approximate, uncertain, both
//	201X, 20XX, 2004-XX, 1985-04-XX, 1985-XX-XX   unspecified digits
//	1964/2008, 2004-06~/2004-08?         intervals of any of the above
//	../2023-01, 2023-02-24/..            open start, open end
//	/2023-01, 2023-01/                   unknown start, unknown end
//
// Beyond the letter of Level 1, dateline also accepts "~?" and "?~" as the
// 2012 draft's spelling of "%", qualifiers on date-times and on
// unspecified-digit dates, and date-times as interval ends. Level 2
// (exponents, significant digits, sets, partial qualification) is rejected
// with an error that says so.
//
// Seasons follow the northern hemisphere's meteorological seasons: spring
// is March to May, summer June to August, autumn September to November,
// and winter December of the year given to February of the next.

import (
	"cmp"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Day counts days from 1970-01-01 in the proleptic Gregorian calendar.
type Day int64

// MinDay and MaxDay stand for open or unknown ends of an interval.
const (
	MinDay Day = math.MinInt64
	MaxDay Day = math.MaxInt64
)

// MaxYear is the largest year magnitude ParseDate accepts (as "Y…" or
// "Y-…"); days of every year within ±MaxYear fit a Day with room to spare.
const MaxYear = 999_999_999_999_999

// ShortWidth is the most columns Short uses for everything except exotic
// dates: qualified intervals across years, qualified centuries BC, and
// qualified years a million and more ago.
const ShortWidth = 16

// Precision is how finely a date is known.
type Precision int

// The precisions, finest first.
const (
	PrecisionNone Precision = iota
	PrecisionDay
	PrecisionMonth
	PrecisionSeason
	PrecisionYear
	PrecisionDecade
	PrecisionCentury
)

var precisionNames = [...]string{"none", "day", "month", "season", "year", "decade", "century"}

// String names the precision in lower case: "day", "month", ... or "none".
func (p Precision) String() string {
	if p < 0 || int(p) >= len(precisionNames) {
		return "Precision(" + strconv.Itoa(int(p)) + ")"
	}
	return precisionNames[p]
}

// Date is a parsed EDTF date or interval. The zero Date is "undated".
//
// A Date keeps its text and its bounds; Display, Short and Describe parse
// the text again, which is cheap, so the struct stays small.
type Date struct {
	raw    string
	lo, hi Day
	meta   uint8 // precision in the low 3 bits, then the meta* flags
}

const (
	metaPrecision = 0x7
	metaApprox    = 1 << 3
	metaUncertain = 1 << 4
	metaInterval  = 1 << 5
)

// DateError reports text that is not an EDTF date dateline can read.
type DateError struct {
	Input  string // the text, trimmed
	Reason string // what is wrong and what is expected
}

// Error is the quoted input, a colon and the reason, as in
// `"2023-02-30": February 2023 has 28 days`.
func (e *DateError) Error() string { return strconv.Quote(e.Input) + ": " + e.Reason }

// ParseDate parses an EDTF (ISO 8601-2 Level 0 and 1) string, ignoring
// surrounding white space. The empty string is an error: use the zero Date
// for "undated" (the JSON, text and YAML decoders map "" to it).
// The common "YYYY-MM-DD" form parses without allocating.
func ParseDate(s string) (Date, error) {
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

// MustParseDate is ParseDate for literals known to be good; it panics on an
// error.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
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
		if day > daysIn(y, month) {
			return ""
		}
		out += "-" + monthNum(day)
	}
	return out
}

func monthNum(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// String returns the EDTF text, trimmed.
func (d Date) String() string { return d.raw }

// IsZero reports whether d is undated.
func (d Date) IsZero() bool { return d.raw == "" }

// Earliest is the first day d may mean: MinDay for an open or unknown
// start, MaxDay for the zero Date so that undated items sort last.
func (d Date) Earliest() Day {
	if d.raw == "" {
		return MaxDay
	}
	return d.lo
}

// Latest is the last day d may mean: MaxDay for an open or unknown end and
// for the zero Date.
func (d Date) Latest() Day {
	if d.raw == "" {
		return MaxDay
	}
	return d.hi
}

// Precision reports how finely d is known: the finest unit that is given
// ("2004-XX" is to the year, "1985-04-XX" to the month); for an interval
// the coarser of its known ends.
func (d Date) Precision() Precision { return Precision(d.meta & metaPrecision) }

// Approximate reports EDTF's "~" (or "%") on the date or either interval end.
func (d Date) Approximate() bool { return d.meta&metaApprox != 0 }

// Uncertain reports EDTF's "?" (or "%") on the date or either interval end.
func (d Date) Uncertain() bool { return d.meta&metaUncertain != 0 }

// IsInterval reports whether d is an interval.
func (d Date) IsInterval() bool { return d.meta&metaInterval != 0 }

// OpenStart reports an interval whose start is open ("..") or unknown ("").
func (d Date) OpenStart() bool { return d.IsInterval() && d.lo == MinDay }

// OpenEnd reports an interval whose end is open ("..") or unknown ("").
func (d Date) OpenEnd() bool { return d.IsInterval() && d.hi == MaxDay }

// Contains reports whether day lies within d's bounds. The zero Date
// contains no day.
func (d Date) Contains(day Day) bool {
	return d.raw != "" && d.lo <= day && day <= d.hi
}

// CompareDates orders by earliest day, then latest day; undated last. It
// returns -1, 0 or +1.
func CompareDates(a, b Date) int {
	az, bz := a.IsZero(), b.IsZero()
	switch {
	case az && bz:
		return 0
	case az:
		return 1
	case bz:
		return -1
	}
	if c := cmp.Compare(a.lo, b.lo); c != 0 {
		return c
	}
	return cmp.Compare(a.hi, b.hi)
}

// ---- encoding ----

// MarshalJSON writes the EDTF text as a JSON string ("" for the zero Date).
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.raw) }

// UnmarshalJSON reads a JSON string of EDTF; null and "" give the zero
// Date. A bare JSON number such as 2014 is read as its text.
func (d *Date) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	switch {
	case s == "null":
		*d = Date{}
		return nil
	case strings.HasPrefix(s, `"`):
		var text string
		if err := json.Unmarshal([]byte(s), &text); err != nil {
			return err
		}
		return d.UnmarshalText([]byte(text))
	case s != "" && strings.Trim(s, "-0123456789") == "":
		return d.UnmarshalText([]byte(s))
	}
	return &DateError{Input: s, Reason: `a date must be a JSON string of EDTF, as in "2023-03-17"`}
}

// MarshalText returns the EDTF text (empty for the zero Date).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.raw), nil }

// UnmarshalText parses EDTF text; empty (or blank) text gives the zero Date.
// On error d is unchanged.
func (d *Date) UnmarshalText(text []byte) error {
	s := strings.TrimSpace(string(text))
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalYAML returns the EDTF text as a string, for go.yaml.in/yaml/v3
// (which decodes through UnmarshalText).
func (d Date) MarshalYAML() (interface{}, error) { return d.raw, nil }

// ---- days ----

// DayFromCivil returns the Day of a calendar date in the proleptic
// Gregorian calendar, with astronomical years (0 is 1 BC, -1 is 2 BC). A
// month outside 1–12 carries into the year, and a day past the month's end
// counts on into the next. Years within ±MaxYear cannot overflow.
func DayFromCivil(y int64, m, d int) Day {
	// Howard Hinnant's days_from_civil, in int64.
	if m < 1 || m > 12 {
		mm := int64(m) - 1
		q := mm / 12
		if mm%12 < 0 {
			q--
		}
		y += q
		m = int(mm-q*12) + 1
	}
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400 // [0, 399]
	var mp int64
	if m > 2 {
		mp = int64(m) - 3
	} else {
		mp = int64(m) + 9
	}
	doy := (153*mp+2)/5 + int64(d) - 1 // [0, 365] for a valid day
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// DayFromTime returns the calendar day of t in t's location.
func DayFromTime(t time.Time) Day {
	y, m, d := t.Date()
	return DayFromCivil(int64(y), int(m), d)
}

// Civil returns the calendar date of d: astronomical year, month 1–12 and
// day 1–31. It is meaningful for days of years within ±MaxYear (so not for
// MinDay and MaxDay).
func (d Day) Civil() (y int64, m, day int) {
	// Howard Hinnant's civil_from_days, in int64.
	z := int64(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100) // [0, 365]
	mp := (5*doy + 2) / 153                  // [0, 11]
	day = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, day
}

// Weekday returns the day of the week of d.
func (d Day) Weekday() time.Weekday {
	w := (int64(d)%7 + 11) % 7 // 1970-01-01 was a Thursday
	return time.Weekday(w)
}

// String formats d as YYYY-MM-DD: "2023-03-17". Years before 1 BC take a
// minus sign ("-0044-03-15"); years of more than four digits are written
// in full with their sign ("-13800000000-01-01", "170000002-01-01"), as
// ISO 8601's expanded years but without "+". MinDay and MaxDay are "..".
func (d Day) String() string {
	if d == MinDay || d == MaxDay {
		return ".."
	}
	y, m, day := d.Civil()
	b := make([]byte, 0, 24)
	b = appendYear(b, y)
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10))
	return string(b)
}

// appendYear appends y with its sign and at least four digits.
func appendYear(b []byte, y int64) []byte {
	u := uint64(y)
	if y < 0 {
		b = append(b, '-')
		u = -u
	}
	switch {
	case u < 10:
		b = append(b, "000"...)
	case u < 100:
		b = append(b, "00"...)
	case u < 1000:
		b = append(b, '0')
	}
	return strconv.AppendUint(b, u, 10)
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int64, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ---- parsing ----

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
		return `write the year prefix as capital "Y", as in "Y170000002"`
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
		if dim := daysIn(p.ylo, p.month); d > dim {
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

// ---- display ----

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

// ---- describe ----

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
