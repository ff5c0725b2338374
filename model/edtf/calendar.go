package edtf

import (
	"math"
	"strconv"
	"time"
)

// Day counts days from 1970-01-01 in the proleptic Gregorian calendar.
type Day int64

// MinDay and MaxDay stand for open or unknown ends of an interval.
const (
	MinDay Day = math.MinInt64
	MaxDay Day = math.MaxInt64
)

// MaxYear is the largest year magnitude Parse accepts (as "Y…" or
// "Y-…"); days of every year within ±MaxYear fit a Day with room to spare.
const MaxYear = 999_999_999_999_999

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

func DaysIn(y int64, m int) int {
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
