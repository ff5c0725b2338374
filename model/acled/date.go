package acled

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/text"
)

var months = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// eventDate reads an event_date at a time_precision (1 day, 2 week, 3
// month) as an EDTF date.
func eventDate(raw string, precision int) (edtf.Date, error) {
	y, m, d, ok := parseDay(raw)
	if !ok {
		return edtf.Date{}, fmt.Errorf("event_date %q is not a date; ACLED writes 2023-03-17 or 17 March 2023", text.CleanLine(raw))
	}
	var b []byte
	switch precision {
	case 3:
		b = appendMonth(b, y, m)
	case 2:
		// The ISO week that holds the day: Monday to Sunday.
		day := edtf.DayFromCivil(int64(y), m, d)
		monday := day - (day+3)%7 // 1970-01-01 was a Thursday
		if (day+3)%7 < 0 {
			monday -= 7
		}
		y1, m1, d1 := monday.Civil()
		y2, m2, d2 := (monday + 6).Civil()
		b = appendDay(b, int(y1), m1, d1)
		b = append(b, '/')
		b = appendDay(b, int(y2), m2, d2)
	default:
		b = appendDay(b, y, m, d)
	}
	date, err := edtf.Parse(string(b))
	if err != nil {
		return edtf.Date{}, fmt.Errorf("event_date %q makes the EDTF date %s, which dateline cannot read: %v", text.CleanLine(raw), b, err)
	}
	return date, nil
}

// dayKey returns a key for an event_date written as 2023-03-17 at a time
// precision (1 to 3): the precision, then the eight digits as one number,
// so that two such dates have the same key only when they are written
// alike. It reports false for a date written any other way.
func dayKey(raw string, precision int) (int32, bool) {
	if len(raw) != 10 || raw[4] != '-' || raw[7] != '-' {
		return 0, false
	}
	n := int32(precision)
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := raw[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int32(c-'0')
	}
	return n, true
}

// parseDay reads 2023-03-17, 17 March 2023, 17-March-2023, 17-Mar-23 or
// 17/03/2023 (day first, as ACLED writes it).
func parseDay(s string) (y, m, d int, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := atoi(s[:4])
		m, ok2 := atoi(s[5:7])
		d, ok3 := atoi(s[8:])
		return y, m, d, ok1 && ok2 && ok3 && valid(y, m, d)
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == ',' })
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	var ok1, ok2, ok3 bool
	if len(parts[0]) == 4 { // 2023/03/17
		y, ok1 = atoi(parts[0])
		m, ok2 = month(parts[1])
		d, ok3 = atoi(parts[2])
	} else {
		d, ok1 = atoi(parts[0])
		m, ok2 = month(parts[1])
		y, ok3 = atoi(parts[2])
		if ok3 && len(parts[2]) == 2 { // ACLED's data begin in 1997
			if y >= 90 {
				y += 1900
			} else {
				y += 2000
			}
		}
	}
	return y, m, d, ok1 && ok2 && ok3 && valid(y, m, d)
}

func month(s string) (int, bool) {
	if n, ok := atoi(s); ok {
		return n, true
	}
	lower := strings.ToLower(strings.TrimSuffix(s, "."))
	for i, name := range months {
		if lower == name || len(lower) >= 3 && strings.HasPrefix(name, lower) {
			return i + 1, true
		}
	}
	return 0, false
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 6 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

func valid(y, m, d int) bool {
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= edtf.DaysIn(int64(y), m)
}

func appendPadded(b []byte, n, width int) []byte {
	var digits [8]byte
	i := len(digits)
	for n > 0 || i == len(digits) {
		i--
		digits[i] = byte('0' + n%10)
		n /= 10
	}
	for w := len(digits) - i; w < width; w++ {
		b = append(b, '0')
	}
	return append(b, digits[i:]...)
}

func appendMonth(b []byte, y, m int) []byte {
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	return appendPadded(b, m, 2)
}

func appendDay(b []byte, y, m, d int) []byte {
	b = appendMonth(b, y, m)
	b = append(b, '-')
	return appendPadded(b, d, 2)
}
