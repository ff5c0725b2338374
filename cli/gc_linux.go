package cli

import "golang.org/x/sys/unix"

// totalMemory is the machine's memory in bytes, or 0 when unknown.
func totalMemory() int64 {
	var si unix.Sysinfo_t
	if unix.Sysinfo(&si) != nil {
		return 0
	}
	return int64(si.Totalram) * int64(si.Unit)
}
