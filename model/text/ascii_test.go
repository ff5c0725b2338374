package text

import (
	"strings"
	"testing"
)

// IsASCII finds a byte of 0x80 or more wherever it is, in strings of
// every length around its word and double-word steps.
func TestIsASCII(t *testing.T) {
	for n := range 40 {
		plain := strings.Repeat("a", n)
		if !IsASCII(plain) {
			t.Fatalf("%d plain bytes: not ASCII", n)
		}
		for at := range n {
			for _, c := range []byte{0x80, 0xC3, 0xFF} {
				b := []byte(plain)
				b[at] = c
				if IsASCII(string(b)) {
					t.Fatalf("%d bytes, %#x at %d: ASCII", n, c, at)
				}
			}
		}
	}
}

func BenchmarkIsASCII(b *testing.B) {
	s := strings.Repeat("Protesters gathered near the market, police said. ", 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if !IsASCII(s) {
			b.Fatal("not ASCII")
		}
	}
}
