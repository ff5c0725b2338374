//go:build !linux

package cli

// totalMemory is the machine's memory in bytes, or 0 when unknown.
func totalMemory() int64 { return 0 }
