package formats

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/acled"
	"github.com/dateline/dateline/model/parquet"
	"github.com/dateline/dateline/model/text"
	"github.com/dateline/dateline/model/timelinejs"
)

// Format names a kind of story file.
type Format string

// The formats dateline reads. Auto means: tell from the content.
const (
	Auto          Format = ""
	Native        Format = "native"
	TimelineJS    Format = "timelinejs"
	TimelineJSCSV Format = "timelinejs-csv"
	ACLED         Format = "acled"
)

// Formats lists the formats --from accepts, in the order help shows them.
var Formats = []Format{Native, TimelineJS, TimelineJSCSV, ACLED, CSV, GDELT, Parquet}

// Names is Formats as strings, for help and completion.
func Names() []string {
	out := make([]string, len(Formats))
	for i, f := range Formats {
		out[i] = string(f)
	}
	return out
}

// ParseFormat reads a --from value; "" and "auto" mean Auto.
func ParseFormat(s string) (Format, error) {
	switch s = strings.ToLower(strings.TrimSpace(s)); s {
	case "", "auto":
		return Auto, nil
	case "yaml", "json", "dateline":
		return Native, nil
	case "tljs", "timelinejs-json":
		return TimelineJS, nil
	case "sheet", "timelinejs-sheet":
		return TimelineJSCSV, nil
	case "tsv", "table":
		return CSV, nil
	}
	for _, f := range Formats {
		if s == string(f) {
			return f, nil
		}
	}
	return Auto, fmt.Errorf("unknown format %q; use one of %s", s, strings.Join(Names(), ", "))
}

// NotAStory is the start of the message for a file that is none of the
// formats.
const NotAStory = "not a dateline, TimelineJS or ACLED file"

// peekSize is how much of a file detection reads.
const peekSize = 64 << 10

// Detect tells the format of a file from its first bytes (up to 64 KiB are
// enough). It returns an error saying what the file seems to be when it is
// none of the formats: an image, a binary, an HTML page, a CSV with other
// columns.
func Detect(head []byte) (Format, error) {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	if bytes.HasPrefix(head, []byte(parquet.Magic)) {
		return Parquet, nil
	}
	if what := binaryKind(head); what != "" {
		return Auto, fmt.Errorf("%s: it looks like %s; open a story (YAML or JSON), a TimelineJS JSON file or spreadsheet saved as CSV, or an ACLED CSV export", NotAStory, what)
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 {
		return Native, nil // an empty story, which Load reports
	}
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 512)])
	if bytes.HasPrefix(lower, []byte("<!doctype")) || bytes.HasPrefix(lower, []byte("<html")) || bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<")) {
		return Auto, fmt.Errorf("%s: it looks like an HTML or XML page, not the data itself; download the file the page offers (for a Google Sheet: File → Download → Comma-separated values), or name the format with --from", NotAStory)
	}
	switch trimmed[0] {
	case '{':
		if timelineJS2(head) {
			return Auto, fmt.Errorf("%s: it is a TimelineJS 2 file ({\"timeline\": {\"date\": […]}}), an older format that dateline does not read; make it TimelineJS 3 JSON (\"events\" with \"start_date\" objects) or a TimelineJS 3 spreadsheet saved as CSV, and open that", NotAStory)
		}
		return detectJSON(head), nil
	case '[':
		return Native, nil // Load explains what a story looks like
	}
	if f, ok := detectCSV(trimmed); ok {
		return f, nil
	}
	if f, ok := detectTable(trimmed); ok {
		return f, nil
	}
	if semicolonCSV(trimmed) {
		return Auto, fmt.Errorf("%s: it is separated by semicolons, not commas (as spreadsheets set to some languages save CSV); save it again as CSV with commas, and open that", NotAStory)
	}
	if looksLikeOtherCSV(trimmed) {
		return Auto, fmt.Errorf("%s: it is a CSV file, but its header is neither the TimelineJS sheet's (Year, Month, Day, …, Headline, Text, …) nor an ACLED export's (event_id_cnty, event_date, event_type, …); name the format with --from if it is one of them", NotAStory)
	}
	if !looksLikeYAML(trimmed) {
		return Auto, fmt.Errorf("%s: it is text, but not YAML, JSON or CSV with a known header; a story starts with keys such as \"title:\" and \"events:\" (see the README), and a TimelineJS sheet or ACLED export with other columns can be named with --from", NotAStory)
	}
	return Native, nil
}

// yamlKey matches a top-level mapping key, or a list item, at the start of
// a line.
var yamlKey = regexp.MustCompile(`^(?:[^\s#:{}\[\],][^:]*:(?:\s|$)|"[^"]*"\s*:|'[^']*'\s*:|- |-$|---|\.\.\.|%)`)

// looksLikeYAML reports whether one of the first lines of data reads as a
// YAML key, list item or directive, or the file holds only comments: the
// native loader then explains whatever else is wrong.
func looksLikeYAML(data []byte) bool {
	content := 0
	for line := range bytes.Lines(data[:min(len(data), 8192)]) {
		l := bytes.TrimRight(line, "\r\n")
		if len(bytes.TrimSpace(l)) == 0 || bytes.HasPrefix(bytes.TrimSpace(l), []byte("#")) {
			continue
		}
		if yamlKey.Match(l) {
			return true
		}
		if content++; content >= 20 {
			return false
		}
	}
	return content == 0
}

// binaryKind names what a file that is not text seems to be, or "".
func binaryKind(head []byte) string {
	magic := []struct {
		prefix, what string
	}{
		{"\x89PNG", "a PNG image"}, {"\xff\xd8\xff", "a JPEG image"}, {"GIF8", "a GIF image"},
		{"%PDF", "a PDF document"}, {"PK\x03\x04", "a ZIP archive (an .xlsx spreadsheet is one: save it as CSV)"},
		{"\xd0\xcf\x11\xe0", "an old Office document (save it as CSV)"}, {"\x1f\x8b", "a gzip archive (unpack it first)"},
		{"\x7fELF", "a program"}, {"RIFF", "a media file"}, {"ID3", "an audio file"},
	}
	for _, m := range magic {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.what
		}
	}
	sample := head[:min(len(head), 8192)]
	// A binary file, or UTF-16 text, is full of NULs: say so. A single
	// one stops the loaders at its place (model.GuardBinary).
	if nul := bytes.Count(sample, []byte{0}); nul > 0 && 16*nul > len(sample) {
		return "a binary file"
	}
	// Text with a few bytes that are not UTF-8 is still text: the loaders
	// show them as U+FFFD and say so. Mostly such bytes is not.
	if bad := invalidUTF8(sample); bad > 0 && 4*bad > len(sample) {
		return "a binary file (or text not saved as UTF-8: save it as UTF-8)"
	}
	return ""
}

// invalidUTF8 counts the bytes of b that are not UTF-8. A character cut at
// the end of b is not counted: b may be the start of a file.
func invalidUTF8(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 && !(len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:])) {
			n++
		}
		i += size
	}
	return n
}

// detectJSON tells TimelineJS JSON from a native story written as JSON.
func detectJSON(head []byte) Format {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(head, &top); err != nil {
		// Cut short or broken: decide by the words it uses.
		for _, w := range []string{`"start_date"`, `"headline"`, `"unique_id"`, `"eras"`} {
			if bytes.Contains(head, []byte(w)) {
				return TimelineJS
			}
		}
		return Native
	}
	if _, ok := top["eras"]; ok {
		return TimelineJS
	}
	if _, ok := top["scale"]; ok {
		return TimelineJS
	}
	if t := bytes.TrimSpace(top["title"]); len(t) > 0 && t[0] == '{' {
		return TimelineJS
	}
	for _, k := range []string{"actors", "topics", "statements", "positions", "sources", "description"} {
		if _, ok := top[k]; ok {
			return Native
		}
	}
	var events []map[string]json.RawMessage
	if json.Unmarshal(top["events"], &events) == nil {
		for _, e := range events {
			_, sd := e["start_date"]
			_, tx := e["text"]
			if sd || tx {
				return TimelineJS
			}
		}
	}
	return Native
}

// detectCSV reads the first record as a header.
func detectCSV(data []byte) (Format, bool) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil || len(header) < 3 {
		return Auto, false
	}
	switch {
	case acled.IsHeader(header):
		return ACLED, true
	case timelinejs.IsSheetHeader(header):
		return TimelineJSCSV, true
	}
	return Auto, false
}

// timelineJS2 reports JSON in TimelineJS 2's shape: {"timeline": {"date": […]}}.
func timelineJS2(head []byte) bool {
	var top struct {
		Timeline map[string]json.RawMessage `json:"timeline"`
	}
	if json.Unmarshal(head, &top) != nil && !bytes.Contains(head, []byte(`"timeline"`)) {
		return false
	}
	if top.Timeline != nil {
		_, ok := top.Timeline["date"]
		return ok
	}
	// Cut short by the 64 KiB head: decide by its start, which no story
	// of the other formats shares.
	compact := bytes.Join(bytes.Fields(head[:min(len(head), 4096)]), nil)
	return bytes.HasPrefix(compact, []byte(`{"timeline":{`))
}

// semicolonCSV reports a first line of names separated by semicolons and
// no commas: a CSV file saved by a spreadsheet in a language that writes
// decimal commas.
func semicolonCSV(data []byte) bool {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	return bytes.Count(line, []byte(";")) >= 2 && !bytes.Contains(line, []byte(",")) && !bytes.Contains(line, []byte(": "))
}

// looksLikeOtherCSV reports a first line of several comma-separated
// names with no YAML in sight.
func looksLikeOtherCSV(data []byte) bool {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	return bytes.Count(line, []byte(",")) >= 3 && !bytes.Contains(line, []byte(": ")) && !bytes.HasSuffix(bytes.TrimSpace(line), []byte(":"))
}

// notAStory wraps a detection error as the file's problem.
func notAStory(name string, err error) model.Problems {
	return model.Problems{{File: name, Msg: err.Error()}}
}

// Load reads one story file's contents, named name in messages, in format
// f (or the format Detect finds, for Auto). It returns the story and its
// warnings, or an error: model.Problems holding every problem found.
func Load(name string, data []byte, f Format) (*model.Story, model.Problems, error) {
	return LoadWith(name, data, Options{From: f})
}

// LoadWith is Load with the options the command line gives.
func LoadWith(name string, data []byte, opt Options) (*model.Story, model.Problems, error) {
	f := opt.From
	if f == Auto {
		var err error
		if f, err = Detect(data[:min(len(data), peekSize)]); err != nil {
			return nil, nil, notAStory(name, err)
		}
	}
	if f == CSV {
		f = tableFormat(data[:min(len(data), peekSize)])
	}
	switch f {
	case TimelineJS:
		return timelinejs.Import(name, data)
	case TimelineJSCSV:
		return timelinejs.ImportCSV(name, bytes.NewReader(data))
	case ACLED:
		return acled.Import(name, bytes.NewReader(data))
	case CSV, GDELT:
		return loadTable(name, bytes.NewReader(data), f, opt)
	case Parquet:
		opt.KeepSummaries = nil // bytes in memory: nothing to read them back from
		return parquet.Import(name, bytes.NewReader(data), int64(len(data)), parquetOptions(opt, nil))
	}
	return model.Load(name, data)
}

// LoadFile reads the story file at path, streaming ACLED exports rather
// than reading them whole. See Load.
func LoadFile(path string, f Format) (*model.Story, model.Problems, error) {
	return LoadFilesContext(context.Background(), []string{path}, f, nil)
}

// Progress is told how many bytes of the files have been read, of how many.
type Progress func(done, total int64)

// counter counts the bytes read from the files, and stops reading when
// its context is done.
type counter struct {
	ctx         context.Context
	done, total int64
	progress    Progress
}

type countingReader struct {
	r io.Reader
	c *counter
}

// Read implements io.Reader.
func (cr countingReader) Read(p []byte) (int, error) {
	if err := cr.c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := cr.r.Read(p)
	cr.c.done += int64(n)
	if cr.c.progress != nil {
		cr.c.progress(cr.c.done, cr.c.total)
	}
	return n, err
}

func loadFile(path string, opt Options, c *counter) (*model.Story, model.Problems, error) {
	before, _ := os.Stat(path)
	s, warns, err := loadOpened(path, opt, c)
	if err == nil && before != nil && before.Mode().IsRegular() && changed(path, before) {
		return nil, nil, model.Problems{{File: path, Msg: model.ChangedWhileRead}}
	}
	return s, warns, err
}

// changed reports whether the file at path is no longer the one before
// describes: another size or time, or gone.
func changed(path string, before os.FileInfo) bool {
	after, err := os.Stat(path)
	return err != nil || !model.StampOf(after).Same(model.StampOf(before))
}

// loadOpened is loadFile without the check that the file stayed the same.
func loadOpened(path string, opt Options, c *counter) (*model.Story, model.Problems, error) {
	f := opt.From
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", text.CleanName(path), model.UnwrapPathError(err))
	}
	defer file.Close()
	var size int64 // for the loaders to size their lists once
	if st, err := file.Stat(); err == nil && st.IsDir() {
		if f == Auto || f == Parquet {
			return loadParquet(path, opt, c)
		}
		return nil, nil, fmt.Errorf("cannot read %s: it is a directory; name a story file", text.CleanName(path))
	} else if err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	// Parquet is binary by design: told by its magic before the guard.
	var magic [4]byte
	if n, _ := file.ReadAt(magic[:], 0); f == Parquet || f == Auto && n == 4 && string(magic[:]) == "PAR1" {
		return loadParquet(path, opt, c)
	}
	// Reading stops at the first NUL byte: the file looks binary.
	br := bufio.NewReaderSize(model.GuardBinary(path, countingReader{file, c}), peekSize)
	head, err := br.Peek(peekSize)
	var binary model.Problems
	switch {
	case errors.As(err, &binary):
		if bytes.HasPrefix(head, []byte(parquet.Magic)) {
			if size == 0 { // not a regular file: a pipe
				return nil, nil, parquet.NotAFile(path)
			}
			return nil, nil, model.Problems{{File: path, Msg: fmt.Sprintf("it is a Parquet file, which --from %s does not read; leave --from out, or give --from parquet", f)}}
		}
		if what := binaryKind(head); what != "" { // an image, an archive: say so
			if _, derr := Detect(head); derr != nil {
				return nil, nil, notAStory(path, derr)
			}
		}
		return nil, nil, binary
	case err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull):
		return nil, nil, fmt.Errorf("cannot read %s: %w", text.CleanName(path), err)
	}
	if f == Auto {
		if f, err = Detect(head); err != nil {
			return nil, nil, notAStory(path, err)
		}
	}
	if f == CSV {
		f = tableFormat(head)
	}
	switch {
	case f == ACLED && opt.KeepSummaries != nil && size > 0:
		return acled.ImportLean(path, model.Sized(br, size), opt.KeepSummaries, reopen(path, opt))
	case f == ACLED:
		return acled.Import(path, model.Sized(br, size))
	case f == CSV || f == GDELT:
		return loadTable(path, br, f, opt)
	case f == Native && model.LooksNDJSON(head):
		// Streamed, so the file is never all in memory beside its story.
		var (
			s     *model.Story
			warns model.Problems
		)
		if opt.KeepSummaries != nil && size > 0 {
			s, warns, err = model.LoadNDJSONLean(path, model.Sized(br, size), opt.KeepSummaries, reopen(path, opt))
		} else {
			s, warns, err = model.LoadNDJSON(path, model.Sized(br, size))
		}
		if err != nil {
			// Problems: read again from the start, where LoadNDJSON can
			// seek back to each one for its column.
			if _, serr := file.Seek(0, io.SeekStart); serr == nil {
				return model.LoadNDJSON(path, file)
			}
		}
		return s, warns, err
	}
	data, err := io.ReadAll(br)
	if errors.As(err, &binary) {
		return nil, nil, binary
	}
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", text.CleanName(path), err)
	}
	opt.From = f
	return LoadWith(path, data, opt)
}

// reopen opens the file at path again, for a lean load to fetch back the
// summaries it left out; nil when they are left out for good.
func reopen(path string, opt Options) func() (model.ReaderAtCloser, error) {
	if !opt.RefillSummaries {
		return nil
	}
	return func() (model.ReaderAtCloser, error) { return os.Open(path) }
}

// LoadFiles reads every file and merges them into one story (see Merge).
// It reads them all even when one fails, and returns every file's problems.
func LoadFiles(paths []string, f Format) (*model.Story, model.Problems, error) {
	return LoadFilesContext(context.Background(), paths, f, nil)
}

// LoadFilesContext is LoadFiles that tells progress (if not nil) the bytes
// read so far of the files' total size, and stops with ctx.Err() when ctx
// is done.
func LoadFilesContext(ctx context.Context, paths []string, f Format, progress Progress) (*model.Story, model.Problems, error) {
	return LoadFilesWith(ctx, paths, Options{From: f}, progress)
}

// LoadFilesWith is LoadFilesContext with the options the command line
// gives.
func LoadFilesWith(ctx context.Context, paths []string, opt Options, progress Progress) (*model.Story, model.Problems, error) {
	c := &counter{ctx: ctx, progress: progress}
	for _, p := range paths {
		c.total += sizeOf(p)
	}
	if len(paths) == 1 {
		s, warns, err := loadFile(paths[0], opt, c)
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return s, warns, err
	}
	opt.KeepSummaries = nil // a merged story has no file to read them again from
	var (
		stories []*model.Story
		warns   model.Problems
		errs    model.Problems
		other   []error
	)
	for _, p := range paths {
		s, w, err := loadFile(p, opt, c)
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		warns = append(warns, w...)
		var ps model.Problems
		switch {
		case errors.As(err, &ps):
			errs = append(errs, ps...)
		case err != nil:
			other = append(other, err)
		default:
			stories = append(stories, s)
		}
	}
	if len(other) > 0 || len(errs) > 0 {
		if len(other) == 0 {
			return nil, warns, errs
		}
		for _, p := range errs {
			other = append(other, p)
		}
		return nil, warns, errors.Join(other...)
	}
	s, mw := Merge(paths, stories)
	warns = append(warns, mw...)
	if bad := model.CheckBuilt(strings.Join(paths, " + "), s, "merging", 200); len(bad) > 0 {
		return nil, warns, bad
	}
	return s, warns, nil
}
