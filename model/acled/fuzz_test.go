package acled

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"

	"github.com/dateline/dateline/model/internal/testutil"
)

// FuzzACLED: Import never panics and keeps testutil.CheckImported's promises.
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
		testutil.CheckImported(t, s, warns, err)
		// Lean, it says the same, and gives back every summary it left
		// out.
		lean, leanWarns, leanErr := ImportLean("f", bytes.NewReader(data), model.KeepSummaries(model.Filter{Text: "a"}), openBytes(data))
		if (err == nil) != (leanErr == nil) || !reflect.DeepEqual(warns, leanWarns) {
			t.Fatalf("lean: %v, %v; whole: %v, %v", leanErr, leanWarns, err, warns)
		}
		if err != nil {
			return
		}
		if err := testutil.RefillAll(lean); err != nil {
			t.Fatalf("refill: %v", err)
		}
		if !reflect.DeepEqual(lean.Events, s.Events) {
			t.Fatalf("lean events, refilled, differ from the whole story's")
		}
	})
}
