// Package csvtail holds what the CSV importers (ACLED and the TimelineJS
// sheet) share to tell a file cut short from one that is merely untidy.
//
// Files:
//
//	csvtail.go  Problem, Blank, Tail and its Rows: a CSV file read row by
//	            row, cut short, or untidy
package csvtail
