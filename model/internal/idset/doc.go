// Package idset gives out the ids the newer importers (model/sheet,
// model/gdelt, model/parquet) make from names: unique across a story,
// whatever kind they name, with a counter per base so that many names
// with one slug cost no more than one.
//
// Files:
//
//	idset.go  Set: Take an id from a base, base-2, base-3…, in a table of hashes
package idset
