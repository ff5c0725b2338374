package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/text"
)

// filterFlags are the flags that narrow the timeline, shared by the root
// command and list.
type filterFlags struct {
	actors, topics []string
	search         string
	since, until   string
}

func (f *filterFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringArrayVar(&f.actors, "actor", nil, "keep items naming this actor `ID` or anyone under it (repeatable; any of)")
	fl.StringArrayVar(&f.topics, "topic", nil, "keep items on this topic `ID` (repeatable; any of)")
	fl.StringVar(&f.search, "search", "", "keep items whose text or actors contain this `TEXT`, ignoring case")
	fl.StringVar(&f.since, "since", "", "keep items on or after this EDTF `DATE`, such as 2023-03")
	fl.StringVar(&f.until, "until", "", "keep items on or before this EDTF `DATE`")
}

// parse turns the flags into a model.Filter, before there is a story to
// check its ids against.
func (f *filterFlags) parse() (model.Filter, error) {
	mf := model.Filter{Actors: f.actors, Topics: f.topics, Text: f.search}
	for _, d := range []struct {
		flag, val string
		into      *edtf.Date
	}{{"--since", f.since, &mf.Since}, {"--until", f.until, &mf.Until}} {
		if d.val == "" {
			continue
		}
		date, err := edtf.Parse(d.val)
		if err != nil {
			return mf, usageErr("%s: %v", d.flag, err)
		}
		*d.into = date
	}
	if !mf.Since.IsZero() && !mf.Until.IsZero() && mf.Since.Earliest() > mf.Until.Latest() {
		return mf, usageErr("--since %s is after --until %s, so nothing could match; swap them", f.since, f.until)
	}
	return mf, nil
}

// summaryUse is what a command writes of the events' summaries: those of
// the rows it writes, or none. A command with a filter loads lean
// (model.KeepSummaries): the summaries it will not write, and that cannot
// match its filter, take no memory.
type summaryUse int

const (
	summariesOfRows summaryUse = iota // list, export
	summariesNone                     // count
)

// load reads the files a command names and returns the story and the rows
// the flags keep, in timeline order, with the summaries use needs. An id
// the story lacks is refused before the index is built; readers that can
// skip what falls outside the dates (Parquet's row groups and partitions)
// do.
func (f *filterFlags) load(cmd *cobra.Command, paths []string, stderr io.Writer, use summaryUse) (*model.Index, []int32, error) {
	mf, err := f.parse()
	if err != nil {
		return nil, nil, err
	}
	var keep func(string) bool
	if use == summariesNone || use == summariesOfRows && mf.Active() {
		keep = model.KeepSummaries(mf)
	}
	s, err := loadCmdStory(cmd, paths, stderr, mf, keep, use == summariesOfRows)
	if err != nil {
		return nil, nil, err
	}
	if err := model.CheckFilter(s, mf); err != nil {
		var outside *model.OutsideRange
		if !errors.As(err, &outside) {
			return nil, nil, usageErr("%v", err)
		}
		fmt.Fprintln(stderr, text.Clean(model.Problem{File: text.CleanName(strings.Join(paths, " + ")), Warning: true, Msg: outside.Msg}.Error()))
	}
	// One question of the story: its answer reads the items on the spot,
	// and the rest of the index is built only if the output needs it.
	ix := model.OrderedIndex(s)
	rows := ix.Query(mf)
	if use == summariesOfRows {
		if err := ix.Refill(rows); err != nil {
			return nil, nil, dataErr(err)
		}
		holdHeap() // what follows writes out what is loaded
	}
	return ix, rows, nil
}
