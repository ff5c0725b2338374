package parquet

import (
	"encoding/binary"
	"strconv"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"

	"github.com/dateline/dateline/model/edtf"
)

// dateKind says how a column's values become days.
type dateKind int

const (
	dateText      dateKind = iota // strings (or anything else): read as a table cell
	dateDays                      // DATE: days since 1970-01-01
	dateTimestamp                 // TIMESTAMP: units since 1970-01-01T00:00Z
	dateInt                       // an integer: YYYYMMDD (GDELT's Day), or a year
	dateInt96                     // the legacy INT96 timestamp
)

// dateKindOf tells how a leaf column's type holds dates, and for
// timestamps how many units make a day.
func dateKindOf(t pq.Type) (dateKind, int64) {
	if lt := t.LogicalType(); lt != nil {
		switch v := lt.Value.(type) {
		case *format.DateType:
			return dateDays, 0
		case *format.TimestampType:
			switch v.Unit.Value.(type) {
			case *format.MilliSeconds:
				return dateTimestamp, 86_400_000
			case *format.MicroSeconds:
				return dateTimestamp, 86_400_000_000
			case *format.NanoSeconds:
				return dateTimestamp, 86_400_000_000_000
			}
		}
	}
	if ct := t.ConvertedType(); ct != nil {
		switch *ct {
		case deprecated.Date:
			return dateDays, 0
		case deprecated.TimestampMillis:
			return dateTimestamp, 86_400_000
		case deprecated.TimestampMicros:
			return dateTimestamp, 86_400_000_000
		}
	}
	switch t.Kind() {
	case pq.Int32, pq.Int64:
		return dateInt, 0
	case pq.Int96:
		return dateInt96, 0
	}
	return dateText, 0
}

// epoch is 1970-01-01 as an edtf.Day.
var epoch = edtf.DayFromCivil(1970, 1, 1)

// dayOf turns an integer of a date column into a day, and whether it is
// one: days or units since the epoch, or YYYYMMDD. A year alone (1 to
// 9999) is reported as year > 0.
func dayOf(kind dateKind, per, n int64) (day edtf.Day, year int64, ok bool) {
	switch kind {
	case dateDays:
		return epoch + edtf.Day(n), 0, n > -1e8 && n < 1e8
	case dateTimestamp:
		d := n / per
		if n < 0 && n%per != 0 {
			d--
		}
		return epoch + edtf.Day(d), 0, true
	case dateInt:
		switch {
		case n >= 1000_01_01 && n <= 9999_12_31:
			y, m, dd := n/10000, int(n/100%100), int(n%100)
			if m < 1 || m > 12 || dd < 1 || dd > edtf.DaysIn(y, m) {
				return 0, 0, false
			}
			return edtf.DayFromCivil(y, m, dd), 0, true
		case n >= 1 && n <= 9999:
			return 0, n, true
		}
	}
	return 0, 0, false
}

// valueDay reads a value of a date column as a day (or a year).
func valueDay(kind dateKind, per int64, v pq.Value) (edtf.Day, int64, bool) {
	switch kind {
	case dateDays, dateTimestamp, dateInt:
		if v.Kind() == pq.Int32 {
			return dayOf(kind, per, int64(v.Int32()))
		}
		return dayOf(kind, per, v.Int64())
	case dateInt96:
		// Nanoseconds of the day, then the Julian day (2440588 is 1970-01-01).
		return epoch + edtf.Day(int64(v.Int96()[2])-2440588), 0, true
	}
	return 0, 0, false
}

// statDay decodes a row group's min or max statistic of a date column.
func statDay(kind dateKind, per int64, phys pq.Kind, b []byte) (edtf.Day, bool) {
	var n int64
	switch {
	case phys == pq.Int32 && len(b) == 4:
		n = int64(int32(binary.LittleEndian.Uint32(b)))
	case phys == pq.Int64 && len(b) == 8:
		n = int64(binary.LittleEndian.Uint64(b))
	default:
		return 0, false
	}
	d, year, ok := dayOf(kind, per, n)
	if !ok {
		return 0, false
	}
	if year > 0 {
		return edtf.DayFromCivil(year, 1, 1), true // the caller widens a year's max
	}
	return d, true
}

// cellText is a value as a table cell would hold it.
func cellText(v pq.Value) string {
	switch v.Kind() {
	case pq.ByteArray, pq.FixedLenByteArray:
		return string(v.ByteArray())
	case pq.Int32:
		return strconv.FormatInt(int64(v.Int32()), 10)
	case pq.Int64:
		return strconv.FormatInt(v.Int64(), 10)
	case pq.Boolean:
		return strconv.FormatBool(v.Boolean())
	case pq.Float:
		return strconv.FormatFloat(float64(v.Float()), 'g', -1, 32)
	case pq.Double:
		return strconv.FormatFloat(v.Double(), 'g', -1, 64)
	}
	return ""
}
