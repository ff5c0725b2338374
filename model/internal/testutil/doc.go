// Package testutil holds the checks the importers' tests share.
//
// Files:
//
//	imported.go  CheckImported: what every importer promises, for fuzz tests
package testutil
