// Package edtf reads, orders and writes dates in the Library of Congress
// Extended Date/Time Format, which is ISO 8601-2, at Levels 0 and 1
// (https://www.loc.gov/standards/datetime/).
//
// What Parse reads:
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
//
// Files:
//
//	date.go       Date, Precision and DateError; ordering (Compare) and the JSON, text and YAML encodings
//	parse.go      Parse and MustParse: the EDTF grammar, and the diagnoses of text that is not a date
//	loose.go      ParseLoose: EDTF, or a day or month in words, for prompts
//	calendar.go   Day: the proleptic Gregorian calendar (DayFromCivil, Civil, DaysIn)
//	format.go     Display and Short: dates as people write them
//	describe.go   Describe: how precise a date is, in words
package edtf
