package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model/edtf"
)

// DateOrder says how to read numeric dates such as 03/04/2019, which may be
// day-first or month-first: only when told.
type DateOrder int

// The orders: numeric dates unread, day first, month first.
const (
	Unordered DateOrder = iota
	DayFirst
	MonthFirst
)

// DateOrders are the --date-format values.
var DateOrders = []string{"day-first", "month-first"}

// ParseDateOrder reads a --date-format value: day-first (or dmy,
// dd/mm/yyyy) or month-first (mdy, mm/dd/yyyy); "" is Unordered.
func ParseDateOrder(s string) (DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return Unordered, nil
	case "day-first", "dayfirst", "dmy", "dd/mm/yyyy", "d/m/y", "dd.mm.yyyy", "dd-mm-yyyy":
		return DayFirst, nil
	case "month-first", "monthfirst", "mdy", "mm/dd/yyyy", "m/d/y", "mm-dd-yyyy":
		return MonthFirst, nil
	}
	return Unordered, fmt.Errorf("unknown date format %q; use day-first (14/07/2019) or month-first (07/14/2019)", s)
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// monthOf reads a month name or its abbreviation of three letters or more.
func monthOf(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	if s == "sept" {
		return 9
	}
	for i, name := range monthNames {
		if strings.HasPrefix(name, s) {
			return i + 1
		}
	}
	return 0
}

// ParseDate reads a cell as a date: EDTF (2019-07-14, 2019-07, 2019,
// intervals, qualifiers), a date-time with a space (2019-07-14 10:30),
// year-first numbers (2019/07/14, 2019.07.14), the named-month forms
// (14 Jul 2019, July 14, 2019, July 2019), and, with an order, day-first or
// month-first numbers (14/07/2019, 07-14-19).
func ParseDate(raw string, order DateOrder) (edtf.Date, bool) {
	s := strings.TrimSpace(raw)
	if s == "" || len(s) > 64 {
		return edtf.Date{}, false
	}
	if d, err := edtf.Parse(s); err == nil {
		return d, true
	}
	if len(s) > 10 && s[4] == '-' && (s[10] == ' ' || s[10] == 'T') { // 2019-07-14 10:30:00
		if d, err := edtf.Parse(s[:10]); err == nil {
			return d, true
		}
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == '.' || r == ',' })
	var y, m, d int
	switch len(parts) {
	case 2: // July 2019, 2019 July, 07/2019
		if m = monthOf(parts[0]); m > 0 {
			y = year(parts[1], false)
		} else if m = monthOf(parts[1]); m > 0 {
			y = year(parts[0], false)
		} else if n, ok := num(parts[0]); ok && len(parts[1]) == 4 && n >= 1 && n <= 12 {
			m, y = n, year(parts[1], false)
		}
		if y <= 0 || m == 0 {
			return edtf.Date{}, false
		}
		return build(fmt.Sprintf("%04d-%02d", y, m))
	case 3:
	default:
		return edtf.Date{}, false
	}
	a, b, c := parts[0], parts[1], parts[2]
	switch {
	case monthOf(b) > 0: // 14 Jul 2019, 2019 Jul 14
		m = monthOf(b)
		if len(a) == 4 {
			y, d = year(a, false), day(c)
		} else {
			d, y = day(a), year(c, true)
		}
	case monthOf(a) > 0: // July 14, 2019
		m, d, y = monthOf(a), day(b), year(c, true)
	case len(a) == 4: // 2019/07/14
		y, m, d = year(a, false), day(b), day(c)
	case order == DayFirst:
		d, m, y = day(a), day(b), year(c, true)
	case order == MonthFirst:
		m, d, y = day(a), day(b), year(c, true)
	default:
		return edtf.Date{}, false
	}
	if y <= 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > edtf.DaysIn(int64(y), m) {
		return edtf.Date{}, false
	}
	return build(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
}

// Ambiguous reports whether a cell is a numeric date that only an order
// can read, such as 03/04/2019.
func Ambiguous(raw string) bool {
	_, ok := ParseDate(raw, Unordered)
	if ok {
		return false
	}
	_, d := ParseDate(raw, DayFirst)
	_, m := ParseDate(raw, MonthFirst)
	return d || m
}

func build(s string) (edtf.Date, bool) {
	d, err := edtf.Parse(s)
	return d, err == nil
}

func num(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

// day reads a day or month number, allowing 1st, 2nd, 14th.
func day(s string) int {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		s = strings.TrimSuffix(strings.ToLower(s), suf)
	}
	if len(s) > 2 {
		return 0
	}
	n, _ := num(s)
	return n
}

// year reads a four-digit year, or with short a two-digit one (00–69 in
// the 2000s, 70–99 in the 1900s).
func year(s string, short bool) int {
	n, ok := num(s)
	switch {
	case !ok:
		return 0
	case len(s) == 4:
		return n
	case short && len(s) == 2:
		if n < 70 {
			return 2000 + n
		}
		return 1900 + n
	}
	return 0
}
