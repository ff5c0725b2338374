package huge

import (
	"testing"

	"golang.org/x/sys/unix"
)

// BenchmarkFreshMemory writes one byte a page to 256 MiB of memory the
// process has not touched before, as a load does to the story it builds,
// and keeps it until the end, as a load does: its MB/s is the machine's
// price of new memory. On a virtual machine that hands the memory its
// guest frees back to the host (free page reporting), that price can be
// a tenth of the speed of memory reused, and it then sets the floor of
// every whole-process figure (see docs/performance.md). The "reused" case
// gives the memory back after each round, so the next takes the same
// pages again.
func BenchmarkFreshMemory(b *testing.B) {
	const size = 256 << 20
	page := unix.Getpagesize()
	for _, keep := range []bool{true, false} {
		name := "new"
		if !keep {
			name = "reused"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			var kept [][]byte
			defer func() {
				for _, m := range kept {
					_ = unix.Munmap(m)
				}
			}()
			for b.Loop() {
				m, err := unix.Mmap(-1, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON)
				if err != nil {
					b.Fatal(err)
				}
				for i := 0; i < size; i += page {
					m[i] = 1
				}
				if keep {
					kept = append(kept, m)
				} else if err := unix.Munmap(m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
