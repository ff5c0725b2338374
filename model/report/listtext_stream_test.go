package report_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/gen"
	"github.com/dateline/dateline/model/report"
)

// listTextOneByOne is the text list as it was written before it streamed
// in chunks: a row at a time through fmt, every date formatted afresh.
func listTextOneByOne(w io.Writer, ix *model.Index, rows []int32, opt report.ListTextOptions) {
	dates := make([]string, len(rows))
	dateCol := 18
	for i, p := range rows {
		dates[i] = "undated"
		if d := ix.At(int(p)).Date(); !d.IsZero() {
			dates[i] = d.Short()
		}
		dateCol = max(dateCol, ansi.StringWidth(dates[i])+1)
	}
	bw := bufio.NewWriter(w)
	for i, p := range rows {
		pos := int(p)
		kind := "event"
		if ix.Kind(pos) == model.StatementItem {
			kind = "quote"
		}
		title := ix.WholeTitle(pos)
		if opt.Terminal {
			title = ix.Title(pos)
		}
		bw.WriteString(dates[i] + strings.Repeat(" ", max(0, dateCol-ansi.StringWidth(dates[i]))))
		fmt.Fprintf(bw, "%-6s %s", kind, title)
		if actors := ix.ItemActors(pos); len(actors) > 0 {
			sep := "  ["
			for _, a := range actors {
				bw.WriteString(sep + a.ID)
				sep = ", "
			}
			bw.WriteString("]")
		}
		bw.WriteByte('\n')
	}
	bw.Flush()
}

// TestListTextStreamsTheSameBytes: the chunked text list writes what the
// row-at-a-time one wrote, to a terminal and to a pipe, over enough rows
// for chunks to be encoded side by side.
func TestListTextStreamsTheSameBytes(t *testing.T) {
	for name, ix := range map[string]*model.Index{
		"built-in":  model.NewIndex(loadBuiltIn(t)),
		"generated": model.NewIndex(gen.Story(gen.Config{Events: 9000, Seed: 5})),
	} {
		for _, rows := range [][]int32{ix.Query(model.Filter{}), {}} {
			for _, terminal := range []bool{false, true} {
				opt := report.ListTextOptions{Terminal: terminal}
				var want, got bytes.Buffer
				listTextOneByOne(&want, ix, rows, opt)
				if err := report.WriteListText(&got, ix, rows, opt); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("%s, %d rows, terminal %v: the text list differs", name, len(rows), terminal)
				}
			}
		}
	}
}
