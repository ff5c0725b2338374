// Package report writes what `dateline list` and `dateline positions`
// print: the timeline's items and the positions matrix, in text, JSON,
// NDJSON, CSV and Markdown. It reads an index; it never changes one.
//
// Files:
//
//	list.go       ListItem, and the list as text
//	listjson.go   the list as JSON and NDJSON, appended item by item without reflection
//	csv.go        the list as CSV, with its header and formula guard
//	              (GuardCSVCell, and UnguardCSVCell to read it back)
//	markdown.go   the list as Markdown, and its escaping
//	positions.go  the actor × topic grid, as of a date, as text, JSON, CSV
//	              and Markdown, each cell with its history and what was said
//	count.go      items counted in buckets of time, as text with bars, JSON and CSV
//	cite.go       one item or matrix cell as Markdown to paste: the quote with its citation
package report
