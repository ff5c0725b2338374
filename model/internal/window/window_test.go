package window

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// Lines and ranges read back as they are in the file: lines that cross the
// buffer's end, a line longer than the buffer, the last line without a
// break, and a read past the end.
func TestReadsWhatTheFileHolds(t *testing.T) {
	var file strings.Builder
	var starts []int64
	lines := []string{"first", strings.Repeat("x", Size-3), "crosses the end", strings.Repeat("y", Size+100), "", "last, no break"}
	for i, l := range lines {
		starts = append(starts, int64(file.Len()))
		file.WriteString(l)
		if i < len(lines)-1 {
			file.WriteString("\n")
		}
	}
	data := file.String()
	w := Reader{R: strings.NewReader(data)}
	for i, at := range starts {
		got, err := w.Line(at)
		if err != nil || string(got) != lines[i] {
			t.Fatalf("line %d: %d bytes, %v; want %d bytes", i, len(got), err, len(lines[i]))
		}
	}
	w = Reader{R: bytes.NewReader([]byte(data))}
	for _, r := range [][2]int64{{0, 5}, {starts[2], starts[2] + 15}, {starts[1], starts[3]}, {starts[5], int64(len(data))}} {
		got, err := w.Range(r[0], r[1])
		if err != nil || string(got) != data[r[0]:r[1]] {
			t.Fatalf("range %v: %d bytes, %v", r, len(got), err)
		}
	}
	if _, err := w.Range(int64(len(data))-2, int64(len(data))+1); err != io.ErrUnexpectedEOF {
		t.Errorf("a range past the end: %v", err)
	}
	if _, err := w.Line(int64(len(data))); err != io.ErrUnexpectedEOF {
		t.Errorf("a line at the end: %v", err)
	}
}
