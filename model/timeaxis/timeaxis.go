// Package timeaxis divides time into buckets (days, weeks, months,
// quarters, years, decades, centuries and longer) and counts a timeline's
// items in them: the density strip of the explorer and `dateline count`.
//
//	timeaxis.go   Unit: a bucket's size, its start, the next one, its label; Choose
//	count.go      Bucket and Count: how many items fall in each bucket
package timeaxis

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model/edtf"
)

// Unit is the size of a bucket of time. Units from Year up are 10^n years.
type Unit int

// The units, finest first. Units past Millennium are 10^n years for larger n.
const (
	Day Unit = iota
	Week
	Month
	Quarter
	Year
	Decade
	Century
	Millennium
)

// Coarsest is the largest unit: 10^12 years, more than the age of the
// universe, so any two days fit a handful of its buckets.
const Coarsest = Year + 12

// names are the units --by and the strip's title spell.
var names = []string{"day", "week", "month", "quarter", "year", "decade", "century", "millennium"}

// String names the unit: "month", "decade", "10000 years".
func (u Unit) String() string {
	if int(u) < len(names) {
		return names[u]
	}
	return strconv.FormatInt(u.years(), 10) + " years"
}

// ParseUnit reads a unit's name, as String writes it for the named ones.
func ParseUnit(s string) (Unit, error) {
	for i, n := range names {
		if strings.EqualFold(s, n) {
			return Unit(i), nil
		}
	}
	return 0, fmt.Errorf("unknown unit %q; use one of %s", s, strings.Join(names, ", "))
}

// years is the number of years in a bucket of u (Year and up).
func (u Unit) years() int64 {
	n := int64(1)
	for range u - Year {
		n *= 10
	}
	return n
}

// floorDiv divides rounding towards minus infinity.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// Start is the first day of the bucket of u that holds d. Weeks start on
// Monday, as ISO 8601's do.
func (u Unit) Start(d edtf.Day) edtf.Day {
	switch u {
	case Day:
		return d
	case Week:
		// 1970-01-01 was a Thursday: Monday is 3 days before.
		return edtf.Day(floorDiv(int64(d)+3, 7)*7 - 3)
	}
	y, m, _ := d.Civil()
	switch u {
	case Month:
		return edtf.DayFromCivil(y, m, 1)
	case Quarter:
		return edtf.DayFromCivil(y, (m-1)/3*3+1, 1)
	}
	n := u.years()
	return edtf.DayFromCivil(floorDiv(y, n)*n, 1, 1)
}

// Next is the first day of the bucket after the one that starts on start.
func (u Unit) Next(start edtf.Day) edtf.Day {
	switch u {
	case Day:
		return start + 1
	case Week:
		return start + 7
	}
	y, m, _ := start.Civil()
	switch u {
	case Month:
		return edtf.DayFromCivil(y, m+1, 1)
	case Quarter:
		return edtf.DayFromCivil(y, m+3, 1)
	}
	return edtf.DayFromCivil(y+u.years(), 1, 1)
}

// Buckets counts the buckets of u from the one holding lo to the one
// holding hi, without making them.
func (u Unit) Buckets(lo, hi edtf.Day) int64 {
	if hi < lo {
		return 0
	}
	switch u {
	case Day:
		return int64(hi-lo) + 1
	case Week:
		return int64(u.Start(hi)-u.Start(lo))/7 + 1
	}
	y1, m1, _ := lo.Civil()
	y2, m2, _ := hi.Civil()
	switch u {
	case Month:
		return (y2*12 + int64(m2)) - (y1*12 + int64(m1)) + 1
	case Quarter:
		return (y2*4 + int64(m2-1)/3) - (y1*4 + int64(m1-1)/3) + 1
	}
	n := u.years()
	return floorDiv(y2, n) - floorDiv(y1, n) + 1
}

// Choose is the finest unit that divides lo..hi into at most max buckets.
func Choose(lo, hi edtf.Day, max int) Unit {
	for u := Day; u < Coarsest; u++ {
		if u.Buckets(lo, hi) <= int64(max) {
			return u
		}
	}
	return Coarsest
}

// Label names the bucket that starts on start, as briefly as its unit
// allows: "17 Mar 2023", "wk 13 Mar 2023", "Mar 2023", "Q1 2023", "2023",
// "2020s", "1900s", "44 BC". Years before 1 are written BC: year 0 is 1 BC.
func (u Unit) Label(start edtf.Day) string {
	y, m, d := start.Civil()
	month := [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[m-1]
	switch u {
	case Day:
		return fmt.Sprintf("%d %s %s", d, month, yearLabel(y))
	case Week:
		return fmt.Sprintf("wk %d %s %s", d, month, yearLabel(y))
	case Month:
		return month + " " + yearLabel(y)
	case Quarter:
		return fmt.Sprintf("Q%d %s", (m-1)/3+1, yearLabel(y))
	case Year:
		return yearLabel(y)
	}
	if y <= 0 {
		// A bucket of BC years is named by its earliest year.
		return yearLabel(y)
	}
	return yearLabel(y) + "s"
}

// yearLabel writes an astronomical year as people do: 2023, or 44 BC for
// -43 (year 0 is 1 BC).
func yearLabel(y int64) string {
	if y <= 0 {
		return strconv.FormatInt(1-y, 10) + " BC"
	}
	return strconv.FormatInt(y, 10)
}
