package csvtail

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestRows: the rows both CSV importers read, and the problems on the way.
func TestRows(t *testing.T) {
	cases := []struct {
		name string
		in   io.Reader
		want []string // rows as "a|b", problems as "E<line>" or "W<line>"
	}{
		{"whole rows", strings.NewReader("h1,h2\na,b\nc,d\n"), []string{"a|b", "c|d"}},
		{"no line break at the end, all columns", strings.NewReader("h1,h2\na,b\nc,d"), []string{"a|b", "c|d"}},
		{"a last row cut short", strings.NewReader("h1,h2\na,b\nc"), []string{"a|b", "W3"}},
		{"a short row inside", strings.NewReader("h1,h2\na\nc,d\n"), []string{"a", "c|d"}},
		{"a quoted field cut short", strings.NewReader("h1,h2\na,b\nc,\"d"), []string{"a|b", "W3"}},
		{"a bare quote, and on", strings.NewReader("h1,h2\na,b\"\nc,d\n"), []string{"E2", "c|d"}},
		{"a quote left open stops", strings.NewReader("h1,h2\na,\"b\nc,d\ne,\"f\ng,h\n"), []string{"E4"}},
		{"a read error stops", io.MultiReader(strings.NewReader("h1,h2\na,b\n"), iotest.ErrReader(errors.New("disk"))), []string{"a|b", "E0"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := &Tail{R: c.in}
			cr := csv.NewReader(bufio.NewReader(src))
			cr.FieldsPerRecord = -1
			header, err := cr.Read()
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for rec, p := range src.Rows("f", cr, len(header)) {
				switch {
				case p == nil:
					got = append(got, strings.Join(rec, "|"))
				case p.Warning:
					got = append(got, fmt.Sprintf("W%d", p.Line))
				default:
					got = append(got, fmt.Sprintf("E%d", p.Line))
				}
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
