package testutil

import (
	"errors"
	"reflect"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// CheckImported checks what an importer promises, whatever its input: a
// story or Problems, never both and never neither; every string and every
// problem safe for the terminal; a story that validates and indexes.
func CheckImported(t testing.TB, s *model.Story, warns model.Problems, err error) {
	t.Helper()
	clean := func(p model.Problem) {
		if msg := p.Error(); text.Clean(msg) != msg {
			t.Errorf("problem is not clean: %q", msg)
		}
	}
	for _, p := range warns {
		clean(p)
	}
	if err != nil {
		var ps model.Problems
		if !errors.As(err, &ps) || len(ps) == 0 || s != nil {
			t.Fatalf("error %v (story %v), want Problems alone", err, s != nil)
		}
		for _, p := range ps {
			clean(p)
		}
		return
	}
	if s == nil {
		t.Fatal("no story and no error")
	}
	var walk func(v reflect.Value, field string)
	walk = func(v reflect.Value, field string) {
		switch v.Kind() {
		case reflect.String:
			want := text.CleanLine(v.String())
			if field == "Summary" || field == "Description" || field == "Quote" {
				want = text.Clean(v.String())
			}
			if v.String() != want {
				t.Errorf("%s %q is not clean", field, v.String())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i), v.Type().Field(i).Name)
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), field)
			}
		}
	}
	walk(reflect.ValueOf(s).Elem(), "")
	for _, p := range model.Validate("f", s) {
		if !p.Warning {
			t.Errorf("imported story does not validate: %v", p)
		}
	}
	if ix := model.NewIndex(s); ix.Len() != len(s.Events)+len(s.Statements) {
		t.Errorf("index has %d items, story %d", ix.Len(), len(s.Events)+len(s.Statements))
	}
}
