package edtf

import (
	"cmp"
	"encoding/json"
	"strconv"
	"strings"
)

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

// Compare orders by earliest day, then latest day; undated last. It
// returns -1, 0 or +1.
func Compare(a, b Date) int {
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
	v, err := Parse(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalYAML returns the EDTF text as a string, for go.yaml.in/yaml/v3
// (which decodes through UnmarshalText).
func (d Date) MarshalYAML() (interface{}, error) { return d.raw, nil }
