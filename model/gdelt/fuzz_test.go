package gdelt

import (
	"bytes"
	"testing"

	"github.com/dateline/dateline/model/internal/testutil"
)

// FuzzGDELT: Import never panics and keeps testutil.CheckImported's promises.
func FuzzGDELT(f *testing.F) {
	for _, s := range []string{
		"",
		"\n",
		sample,
		sample + "1\t2",
		row(map[int]string{colDay: "20230230", colActor1Name: "\x1b[2J", colActor2Name: "caf\xe9", colRootCode: "7", colSourceURL: "not a url"}),
		row(map[int]string{colDay: "2023031", colRootCode: "99"}),
		row(map[int]string{colID: "x", colActor1Name: "A", colActor2Name: "A"}) + "\r\n" + row(map[int]string{colID: "x"}),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, warns, err := Import("f", bytes.NewReader(data))
		testutil.CheckImported(t, s, warns, err)
	})
}
