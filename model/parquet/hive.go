package parquet

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// IsParquetName reports whether a file name is a Parquet file's, as the
// tools that write them name them (part-0.parquet, x.snappy.parquet).
func IsParquetName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".parquet" || ext == ".parq" || ext == ".pq"
}

// Files lists the Parquet files under a directory, in path order, with
// their hive-style partitions (year=2023/month=03/…); it leaves out hidden
// and bookkeeping files (names starting with '.' or '_', such as _SUCCESS).
func Files(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && IsParquetName(name) && regular(p, d) {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// regular reports whether a directory entry is a regular file, or a link
// to one: a pipe or a device named *.parquet is left out, as reading it
// could wait for ever.
func regular(p string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// NotAFile is the problem of Parquet read from a pipe or a device: its
// index is at its end, so it is read from a file.
func NotAFile(name string) model.Problems {
	return model.Problems{{File: name, Msg: "it is Parquet, read through a pipe (or from a device); Parquet keeps its index at its end, so dateline reads it only from a file: save it to a file and name that"}}
}

// partsOf reads the hive-style partitions of a file's directories below
// dir: key=value segments, their values unescaped.
func partsOf(dir, path string) []part {
	rel, err := filepath.Rel(dir, filepath.Dir(path))
	if err != nil || rel == "." {
		return nil
	}
	var parts []part
	for _, seg := range strings.Split(filepath.ToSlash(rel), "/") {
		k, v, ok := strings.Cut(seg, "=")
		if !ok || k == "" {
			continue
		}
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
		if v == "__HIVE_DEFAULT_PARTITION__" {
			v = ""
		}
		parts = append(parts, part{k, v})
	}
	return parts
}

// Load reads a Parquet file, or every Parquet file under a directory with
// their partitions as columns, into one story. It returns the story and its
// warnings, or an error: model.Problems for the files' problems, or the
// error Options.Read returned.
func Load(path string, opt Options) (*model.Story, model.Problems, error) {
	s, _, warns, err := LoadStats(path, opt)
	return s, warns, err
}

// LoadStats is Load that also says how many files and row groups it read
// and skipped.
func LoadStats(path string, opt Options) (*model.Story, Stats, model.Problems, error) {
	rd := newReader(path, opt)
	st, err := os.Stat(path)
	if err != nil {
		return nil, rd.stats, nil, fmt.Errorf("cannot read %s: %w", path, model.UnwrapPathError(err))
	}
	files := []string{path}
	dir := filepath.Dir(path)
	if !st.IsDir() && !st.Mode().IsRegular() {
		return nil, rd.stats, nil, NotAFile(path)
	}
	if st.IsDir() {
		dir = path
		if files, err = Files(path); err != nil {
			return nil, rd.stats, nil, fmt.Errorf("cannot read %s: %w", path, model.UnwrapPathError(err))
		}
		if len(files) == 0 {
			return nil, rd.stats, nil, model.Problems{{File: path, Msg: "it is a directory, and holds no Parquet files (*.parquet); name a story file, or a directory of Parquet files"}}
		}
	}
	var errs model.Problems
	for _, p := range files {
		if err := rd.open(p, partsOf(dir, p)); err != nil {
			perr := rd.problems(p, err)
			ps, ok := perr.(model.Problems)
			if !ok {
				return nil, rd.stats, nil, perr // cancelled
			}
			errs = append(errs, ps...)
		}
	}
	if len(errs) > 0 {
		return nil, rd.stats, nil, errs
	}
	s, warns, err := rd.finish()
	if err == nil && rd.b.Left != nil {
		rd.b.Left.Give(s, path, noFile, rd.summaries(s))
	}
	if st.IsDir() && s != nil {
		s.Description = text.CleanLine(strings.TrimSuffix(s.Description, ".") + fmt.Sprintf(", from %s.", text.Plural(len(files), "1 Parquet file", fmt.Sprint(len(files))+" Parquet files")))
	}
	return s, rd.stats, warns, err
}

func (rd *reader) open(path string, parts []part) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if err := rd.file(path, f, model.StampOf(st), parts); err != nil {
		return err
	}
	if after, err := f.Stat(); err != nil || !model.StampOf(after).Same(model.StampOf(st)) {
		return model.Problems{{File: path, Msg: model.ChangedWhileRead}}
	}
	return nil
}
