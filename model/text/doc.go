// Package text keeps untrusted text safe for a terminal: Clean and its
// variants take out escape sequences, control characters, bidi overrides
// and invalid UTF-8, and count what they took. It also holds the small text
// rules that model and its importers share.
//
// Files:
//
//	clean.go  Clean, CleanLine, CleanWithStats: untrusted text made safe for a terminal
//	words.go  Plural, IsASCII and CleanName: small rules every package shares
package text
