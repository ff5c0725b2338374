// Package formats opens story files whatever their format: it tells the
// native format, TimelineJS JSON, the TimelineJS spreadsheet saved as CSV
// and ACLED CSV exports apart by their content, then any other table with
// a date column (model/sheet: CSV, TSV, dateline's own list CSV) GDELT
// event exports (model/gdelt) and Parquet files or directories
// (model/parquet), or takes
// the format it is told; reads each with its importer, and merges several
// files into one story.
//
// Files:
//
//	formats.go  Format, Detect, Load and LoadFile(s): one door for every format
//	merge.go    merging several files' stories into one
//	origin.go   Locate: the file and line an item came from, for the explorer's e
//	tables.go   the table formats (issue 15): Options, detection after the older formats
package formats
