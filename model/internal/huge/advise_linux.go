package huge

import "golang.org/x/sys/unix"

// advise asks for huge pages on the whole pages within b. It is only
// advice: an error (an old kernel, huge pages off) changes nothing.
func advise(b []byte) {
	if b = aligned(b); len(b) > 0 {
		_ = unix.Madvise(b, unix.MADV_HUGEPAGE)
	}
}
