package acled

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// checkImported checks what the importer promises, whatever its input: a
// story or Problems, never both and never neither; every string and every
// problem safe for the terminal; a story that validates and indexes.
func checkImported(t *testing.T, s *model.Story, warns model.Problems, err error) {
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

// FuzzACLED: Import never panics and keeps checkImported's promises.
func FuzzACLED(f *testing.F) {
	head := strings.Join(header, ",") + "\n"
	for _, s := range []string{
		"",
		" \n",
		head,
		writeCSV(f, header, row{"event_id_cnty": "UKR1", "event_date": "2023-03-17", "time_precision": "1", "event_type": "Battles",
			"sub_event_type": "Armed clash", "actor1": "A; B", "inter1": "State forces", "assoc_actor_1": "C;D", "actor2": "E",
			"country": "Ukraine", "admin1": "Donetsk", "location": "Bakhmut", "source": "X; Y", "notes": "n\r\nm", "fatalities": "3"}),
		writeCSV(f, oldHeader, row{"data_id": "9", "event_id_no_cnty": "1", "event_date": "17 March 2023", "time_precision": "2", "event_type": "Riots", "inter1": "1"}),
		head + "X1,2023-02-30,2023,1,x,Riots\nX2,0000-00-00,2023,1,x,Riots\nX3,12023-01-01,2023,3,x,Riots\n",
		head + "X1,2023-03-17,2023,1,x,Riots,a \"b\" c\n",
		head + "X1,2023-03-17,2023,1,x,Riots,\"open quote\n",
		head + "X1,2023-03-17,2023,1,x,Riots\nX2,2023-03-1",
		head + "X1,2023-03-17,2023,7,x,Riots\nX1,2023-03-17,2023,1,x,Riots\n",
		head + "\x1b]0;t\x07X,2023-03-17,2023,1,\x9b2J,Riots,\"\x1b[2J\x00\x7f\r\u202e\",caf\xe9\n",
		"\uFEFF" + head + "X1,17-Mar-23,2023,1,x,Protests\n",
		"event_id_cnty,event_date,event_type\n,,\n;;;,2023-03-17,\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, warns, err := Import("f", bytes.NewReader(data))
		checkImported(t, s, warns, err)
	})
}
