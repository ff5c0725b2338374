// Package testutil holds the checks and loaders model's tests share.
//
// Files:
//
//	imported.go  CheckImported: what every importer promises, for fuzz tests
//	index.go     LoadIndex: a clean test story, indexed
//	lean.go      CheckLean, EmptySummaries, RefillAll: a lean load against the whole one
package testutil
