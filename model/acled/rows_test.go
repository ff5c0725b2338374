package acled

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// importBoth imports data with rowReader's own parsing on and off, through
// readers that give the bytes whole and one at a time, and reports any
// difference.
func importBoth(t *testing.T, data []byte) {
	t.Helper()
	defer func() { fastRows = true }()
	fastRows = false
	want, wantWarns, wantErr := Import("f", bytes.NewReader(data))
	fastRows = true
	for _, r := range []func() io.Reader{
		func() io.Reader { return bytes.NewReader(data) },
		func() io.Reader { return iotest.HalfReader(bytes.NewReader(data)) },
		func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data)) },
	} {
		rd := r()
		got, gotWarns, gotErr := Import("f", rd)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("stories differ:\n%+v\n%+v", got, want)
		}
		if !reflect.DeepEqual(gotWarns, wantWarns) {
			t.Fatalf("warnings differ:\n%v\n%v", gotWarns, wantWarns)
		}
		if !reflect.DeepEqual(gotErr, wantErr) {
			t.Fatalf("errors differ:\n%v\n%v", gotErr, wantErr)
		}
	}
}

func TestRowReaderSame(t *testing.T) {
	head := strings.Join(header, ",") + "\n"
	for _, s := range []string{
		"", " \n", head,
		head + "X1,2023-03-17,2023,1,x,Riots\n\nX2,2023-03-17,2023,1,x,\"a\nb\"\nX3,2023-03-1\"7,2023,1,x,Riots\nX4,2023-13-17,2023,1,x,Riots\nX4,2023-03-17,2023,9,x,\"Ri\"\"ots\"\r\nX5,,,\n",
		head + "X1,2023-03-17,2023,1,x,\"Riots\"x,y\nX2,2023-03-17,2023,1,x,\"Riots\"\nX3,2023-03-17,2023,1,x,\"Riots\",\n",
		head + "X1,2023-03-17,2023,1,x,Riots,a \"b\" c\nX2,2023-03-17,2023,1,x,Riots\n",
		head + "X1,2023-03-17,2023,1,x,Riots,\"open quote\n",
		head + "X1,2023-03-17,2023,1,x,Riots\nX2,2023-03-1",
		head + "\x1b]0;t\x07X,2023-03-17,2023,1,\x9b2J,Riots,\"\x1b[2J\x00\x7f\r\u202e\",caf\xe9\n",
		head + "X\"1,2023-03-17,2023,1,x,Riots\nX2,2023-03-17,2023,1,x,Riots,caf\xe9\n",
	} {
		importBoth(t, []byte(s))
	}
	for _, head := range [][]string{header, oldHeader} {
		var b bytes.Buffer
		generate(&b, 5000, head)
		importBoth(t, b.Bytes())
	}
}

func FuzzRowReader(f *testing.F) {
	head := strings.Join(header, ",") + "\n"
	f.Add([]byte(head + "X1,2023-03-17,2023,1,x,\"a\"\"b\",c\nX2,2023-03-17,2023,1,x,Riots\n"))
	f.Add([]byte(head + "X1,2023-03-17,2023,1,x,\"a\nb\",c\nX2,2023-03-17,2023,1,x,Ri\"ots\n\nX3,2023-03-17,2023,2,y,Riots\n"))
	f.Fuzz(func(t *testing.T, data []byte) { importBoth(t, data) })
}
