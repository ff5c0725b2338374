package sheet

import (
	"bytes"
	"testing"

	"github.com/dateline/dateline/model/internal/testutil"
)

// FuzzSheet: Import never panics and keeps testutil.CheckImported's promises.
func FuzzSheet(f *testing.F) {
	for _, s := range []string{
		"",
		"date,title\n",
		"When,Headline,Notes,Who,Tags,Link\n2019-07-14,A,n,x; y,t|u,https://x.org/\n14 Jul 2019,B,,,,\nsoon,,,,,\n",
		"date\ttitle\tactors\n2019\t\x1b[2J\tcaf\xe9|\u202e\n",
		"date;title\n03/04/2019;x\n2019-02-30;y\n",
		"date,title\n2019-07-14,\"open\n",
		"date,title,id,id\n2019,a,X,Y\n2019,b,x,\n2019,c,,\n",
		"name,age\nAda,36\n",
		"id,kind,date,start,end,display,title,text,actors,topics,speaker,stances,reacts_to,sources\ne1,event,2023,,,,'=x,t,a,t,,,,s#1\ns1,statement,,,,,,,,,a,t=supports,e1,s\n",
		"id,kind,date,start,end,display,title,text,actors,topics,speaker,stances,reacts_to,sources\nA,x,bad,,,,,,,,,,,\n",
		"Day,EventRootCode,Actor1Name\n20230317,14,POLICE\n",
	} {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, dayFirst bool) {
		opt := Options{}
		if dayFirst {
			opt.Order = DayFirst
		}
		s, warns, err := Import("f", bytes.NewReader(data), opt)
		testutil.CheckImported(t, s, warns, err)
	})
}
