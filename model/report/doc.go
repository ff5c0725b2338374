// Package report writes what `dateline list` and `dateline positions`
// print: the timeline's items and the positions matrix, in text, JSON,
// NDJSON, CSV and Markdown. It reads an index; it never changes one.
//
// Files:
//
//	list.go       ListItem, and the list as text, JSON and NDJSON
//	csv.go        the list as CSV, with its header and formula guard
//	markdown.go   the list as Markdown, and its escaping
//	positions.go  the actor × topic grid, as of a date, as text, JSON, CSV
//	              and Markdown, each cell with its history and what was said
package report
