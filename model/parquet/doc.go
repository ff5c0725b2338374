// Package parquet reads Parquet files, and directories of them with
// hive-style partitions (year=2023/month=03/part-0.parquet), into stories,
// through github.com/parquet-go/parquet-go.
//
// Columns are placed by model/sheet's rules, which know ACLED's and GDELT's
// column names too; --map places or overrides any. Partitions are columns
// of every row of the files under them; with no date column, year, month
// and day partitions make the date. Dates may be DATE or TIMESTAMP logical
// types (or the older converted types and INT96), integers written
// YYYYMMDD (GDELT's Day) or years, or text read as a table cell; an "edtf"
// text column beside a typed date gives the exact EDTF date. Actors and
// topics may be list<string> columns, or text split on ';' or '|'.
//
// Only the needed columns are read. Given --since or --until, a file whose
// partitions fall outside the range is not opened, a row group whose
// date statistics (DATE, TIMESTAMP, or integer dates; the end column's
// too) fall outside is not read, and rows outside are dropped as the
// filters would drop them.
//
// Files:
//
//	parquet.go  Import and the reader: columns, statistics, row groups to rows
//	values.go   Parquet values as days and as text
//	hive.go     Load: a file or a directory of partitioned files
package parquet
