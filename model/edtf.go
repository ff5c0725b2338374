package model

// STUB: replaced by the EDTF implementation. The exported API below is fixed.

import (
	"errors"
	"math"
)

// Day counts days from 1970-01-01 in the proleptic Gregorian calendar.
type Day int64

// MinDay and MaxDay stand for open or unknown ends of an interval.
const (
	MinDay Day = math.MinInt64
	MaxDay Day = math.MaxInt64
)

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

// Date is a parsed EDTF date or interval. The zero Date is "undated".
type Date struct {
	raw    string
	lo, hi Day
}

// ParseDate parses an EDTF (ISO 8601-2 Level 0 and 1) string.
func ParseDate(s string) (Date, error) { return Date{raw: s}, errors.New("stub") }

// DayFromCivil returns the Day of a calendar date.
func DayFromCivil(y int64, m, d int) Day { return 0 }

// Civil returns the calendar date of d.
func (d Day) Civil() (y int64, m, day int) { return 0, 0, 0 }

// String formats d as YYYY-MM-DD.
func (d Day) String() string { return "" }

// String returns the EDTF text.
func (d Date) String() string { return d.raw }

// IsZero reports whether d is undated.
func (d Date) IsZero() bool { return d.raw == "" }

// Earliest is the first day d may mean.
func (d Date) Earliest() Day { return d.lo }

// Latest is the last day d may mean.
func (d Date) Latest() Day { return d.hi }

// Precision reports how finely d is known.
func (d Date) Precision() Precision { return PrecisionNone }

// Approximate reports EDTF's "~".
func (d Date) Approximate() bool { return false }

// Uncertain reports EDTF's "?".
func (d Date) Uncertain() bool { return false }

// IsInterval reports whether d is an interval.
func (d Date) IsInterval() bool { return false }

// Display is the date as a reader says it, in full.
func (d Date) Display() string { return d.raw }

// Short is the compact form for a timeline gutter.
func (d Date) Short() string { return d.raw }

// Describe says how precise d is, in words.
func (d Date) Describe() string { return "" }

// CompareDates orders by earliest day, then latest day; undated last.
func CompareDates(a, b Date) int { return 0 }
