// Package benchtext holds the paragraphs the text and search benchmarks and
// fuzz seeds share.
//
// Files:
//
//	bench.go  BenchASCII and BenchMixed: paragraphs for benchmarks and seeds
package benchtext
