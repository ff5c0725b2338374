package gen

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
)

// Config says what story to make.
type Config struct {
	// Events is the number of events. There is one statement for every ten
	// events besides.
	Events int
	// Actors is the number of actors; 0 picks 50 + Events/500, at most 5000.
	Actors int
	// Seed picks the story; the same seed gives the same bytes.
	Seed uint64
}

// Statements is the number of statements a story of cfg holds.
func (cfg Config) Statements() int { return cfg.Events / 10 }

func (cfg Config) actors() int {
	if cfg.Actors > 0 {
		return cfg.Actors
	}
	return min(5000, 50+cfg.Events/500)
}

// actor is an actor with what the CSV export needs besides.
type actor struct {
	model.Actor
	inter   string // ACLED inter code name: "State forces", "Rebel groups", …
	country int    // index into countries
	speaks  bool   // may make statements: people, governments, organisations
}

// topic is a topic and, for event types, the ACLED sub-event types under it.
type topic struct {
	model.Topic
	subs []string // nil for policy topics, which events touch and statements take stances on
}

// world is the fixed part of a story: actors, topics, sources, places.
type world struct {
	cfg        Config
	actors     []actor
	popular    []int // actor indexes, most active first
	speakers   []int // actors that make statements, most vocal first
	topics     []topic
	eventTypes []int // indexes of topics with subs
	policies   []int // indexes of topics without
	sources    []model.Source
	places     []string
	regions    []string          // admin1 of each place
	placeOf    []int             // country of each place
	nameOf     map[string]string // actor id → name, "topic:"+id → title (the Parquet writer's)
}

var countryNames = []string{
	"Arvania", "Belmora", "Calderon", "Dravik", "Esterra", "Fennmark", "Galvia", "Halvor",
	"Istrova", "Jarnland", "Kestria", "Lorvane", "Marovia", "Nerath", "Ostrava", "Pelland",
	"Quarvel", "Rusanta", "Sorvia", "Talmark", "Ulveria", "Vantor", "Westmar", "Zeloria",
}

var leaderTitles = []string{"President", "Prime Minister", "Foreign Minister", "Defence Minister"}

var firstNames = []string{"Amira", "Boris", "Celine", "Dmitri", "Elena", "Farid", "Greta", "Hassan",
	"Irina", "Jonas", "Kamala", "Leon", "Marta", "Nikolai", "Olena", "Pavel", "Rania", "Stefan",
	"Tamar", "Viktor", "Yusuf", "Zofia"}

var lastNames = []string{"Abara", "Brenner", "Castell", "Dorin", "Esmond", "Falk", "Gorev", "Halim",
	"Ivers", "Joric", "Kovac", "Lind", "Moreau", "Novak", "Orlan", "Petrov", "Rahimi", "Soler",
	"Taviv", "Ustin", "Varga", "Wendt"}

var groupWords = []string{"Liberation Front", "Defence Brigade", "People's Militia", "Revolutionary Army",
	"Patriotic Guard", "Unity Movement", "Resistance Council", "Border Legion", "Freedom Battalion",
	"National Volunteers", "Self-Defence Units", "Vanguard Party"}

var orgNames = []string{"Relief Without Borders", "Red Crescent Society", "Human Rights Watchers",
	"United Nations Mission", "Regional Security Council", "Monitoring Mission", "Civil Rights Union",
	"Teachers' Union", "Farmers' Association", "Students' Union"}

var outlets = []string{"Daily Dispatch", "The Frontier Herald", "Capital Wire", "Morning Courier",
	"Regional Radio", "Evening Standard-Bearer", "Channel Nine", "Independent Monitor",
	"Coastal Gazette", "The Observer Post", "Local Sources", "Social Media", "Press Agency",
	"Field Reports", "Weekly Review", "News Service", "Mountain Voice", "Harbour Times",
	"Valley Chronicle", "Border Bulletin"}

// The topic pool: event types (with their sub-event types, as ACLED names
// them) and policy questions, in the order a story takes them.
var topicPool = []topic{
	{model.Topic{ID: "battles", Title: "Battles", Description: "Armed clashes between organised groups."},
		[]string{"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}},
	{model.Topic{ID: "protests", Title: "Protests", Description: "Public demonstrations against a political entity or policy."},
		[]string{"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}},
	{model.Topic{ID: "ceasefire", Title: "Ceasefire", Description: "Should the parties agree to stop fighting now?"}, nil},
	{model.Topic{ID: "explosions", Title: "Explosions/Remote violence", Description: "Shelling, air and drone strikes, mines and bombs."},
		[]string{"Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED"}},
	{model.Topic{ID: "violence-civilians", Title: "Violence against civilians", Description: "Attacks on people who take no part in the fighting."},
		[]string{"Attack", "Abduction/forced disappearance", "Sexual violence"}},
	{model.Topic{ID: "sanctions", Title: "Sanctions", Description: "Should other states sanction the governments involved?"}, nil},
	{model.Topic{ID: "riots", Title: "Riots", Description: "Violent demonstrations and mob violence."},
		[]string{"Violent demonstration", "Mob violence"}},
	{model.Topic{ID: "strategic", Title: "Strategic developments", Description: "Agreements, arrests, troop movements and other turning points."},
		[]string{"Agreement", "Arrests", "Headquarters or base established", "Looting/property destruction"}},
	{model.Topic{ID: "aid-corridor", Title: "Humanitarian corridor", Description: "Should aid convoys get safe passage?"}, nil},
	{model.Topic{ID: "elections", Title: "Early elections", Description: "Should elections be brought forward?"}, nil},
}

var syllables = []string{"ar", "bel", "kor", "dan", "ev", "mir", "nov", "os", "pel", "ra", "sal",
	"tar", "ul", "vin", "zar", "ka", "lo", "mé", "ni", "sho", "tur", "vo", "yan", "gra"}

var placeSuffixes = []string{"ivka", "grad", "abad", "ton", "ville", "pol", "sk", "ara", "ino", "heim"}

// newWorld makes the actors, topics, sources and places from the seed.
func newWorld(cfg Config) *world {
	w := &world{cfg: cfg}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x5eed_0001))
	want := max(1, cfg.actors())
	nCountries := min(len(countryNames), max(1, want/12))

	// Each country, its government, forces and a leader; then militias
	// under the countries and organisations at the top, until want.
	add := func(a actor) bool {
		if len(w.actors) >= want {
			return false
		}
		w.actors = append(w.actors, a)
		return true
	}
	for c := range nCountries {
		name := countryNames[c]
		id := model.Slug(name)
		add(actor{Actor: model.Actor{ID: id, Name: name, Kind: model.KindGovernment,
			Description: "The state of " + name + " and everything under it."}, inter: "State forces", country: c, speaks: true})
		add(actor{Actor: model.Actor{ID: id + "-gov", Name: "Government of " + name, Kind: model.KindGovernment, Parent: id,
			Aliases: []string{name + " government"}}, inter: "State forces", country: c, speaks: true})
		add(actor{Actor: model.Actor{ID: id + "-army", Name: "Military Forces of " + name, Kind: model.KindGovernment, Parent: id,
			Aliases: []string{name + " army"}}, inter: "State forces", country: c})
		add(actor{Actor: model.Actor{ID: id + "-police", Name: "Police Forces of " + name, Kind: model.KindGovernment, Parent: id + "-gov"},
			inter: "State forces", country: c})
		title := leaderTitles[c%len(leaderTitles)]
		person := firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
		add(actor{Actor: model.Actor{ID: id + "-leader", Name: person, Kind: model.KindPerson, Parent: id + "-gov",
			Aliases: []string{title + " " + lastNames[c%len(lastNames)] + " of " + name}, Description: title + " of " + name + "."},
			inter: "State forces", country: c, speaks: true})
	}
	for i := 0; len(w.actors) < want; i++ {
		c := r.IntN(nCountries)
		switch {
		case i%7 == 3:
			name := orgNames[i%len(orgNames)]
			if i >= len(orgNames)*7 {
				name += " " + strconv.Itoa(i/7)
			}
			kind := model.KindOrganisation
			if i%3 == 0 {
				kind = model.KindMedia
				name = outlets[i%len(outlets)] + " " + strconv.Itoa(i/7)
			}
			add(actor{Actor: model.Actor{ID: model.Slug(name) + "-" + strconv.Itoa(i), Name: name, Kind: kind},
				inter: "External/Other forces", country: c, speaks: true})
		case i%5 == 1:
			name := "Protesters (" + countryNames[c] + ")"
			if i >= 5*nCountries {
				name = "Protesters (" + countryNames[c] + " " + strconv.Itoa(i) + ")"
			}
			add(actor{Actor: model.Actor{ID: "protesters-" + strconv.Itoa(i), Name: name, Kind: model.KindGroup, Parent: model.Slug(countryNames[c])},
				inter: "Protesters", country: c})
		default:
			name := groupWords[i%len(groupWords)] + " of " + countryNames[c]
			name += " (" + strconv.Itoa(i) + ")"
			kind := model.KindGroup
			parent := model.Slug(countryNames[c])
			inter := "Political militia"
			if i%4 == 0 {
				parent, inter = "", "Rebel group"
			}
			add(actor{Actor: model.Actor{ID: "group-" + strconv.Itoa(i), Name: name, Kind: kind, Parent: parent},
				inter: inter, country: c, speaks: i%3 == 0})
		}
	}
	// The most active actors: a fixed shuffle, so that armies, militias
	// and protesters of several countries lead.
	w.popular = r.Perm(len(w.actors))
	for _, a := range w.popular {
		if w.actors[a].speaks {
			w.speakers = append(w.speakers, a)
		}
	}
	if len(w.speakers) == 0 {
		w.speakers = []int{0}
	}

	nTopics := 3 + r.IntN(8)
	w.topics = topicPool[:nTopics]
	for i, t := range w.topics {
		if t.subs != nil {
			w.eventTypes = append(w.eventTypes, i)
		} else {
			w.policies = append(w.policies, i)
		}
	}

	for i, o := range outlets {
		w.sources = append(w.sources, model.Source{ID: "src-" + strconv.Itoa(i+1), Outlet: o,
			Title: o + " reports", URL: "https://example.org/" + model.Slug(o)})
	}

	nPlaces := 500
	for i := range nPlaces {
		n := 1 + r.IntN(2)
		var b []byte
		for range n {
			b = append(b, syllables[r.IntN(len(syllables))]...)
		}
		b = append(b, placeSuffixes[r.IntN(len(placeSuffixes))]...)
		b[0] -= 'a' - 'A'
		w.places = append(w.places, string(b))
		w.placeOf = append(w.placeOf, r.IntN(nCountries))
		w.regions = append(w.regions, "Region "+strconv.Itoa(1+i%40))
	}
	return w
}

// slug makes an id of a name: lower case, other runs of characters a '-'.

// The dates span 2019 to 2024.
var (
	firstDay = edtf.DayFromCivil(2019, 1, 1)
	lastDay  = edtf.DayFromCivil(2024, 12, 31)
)

// words is the vocabulary of notes and quotes, commonest first.
var words = []string{
	"the", "of", "and", "in", "to", "a", "on", "forces", "were", "was", "by", "with", "near", "reported",
	"village", "town", "killed", "injured", "clashed", "fighters", "civilians", "district", "area",
	"shelling", "artillery", "attack", "positions", "military", "police", "protesters", "gathered",
	"against", "government", "local", "sources", "said", "two", "three", "several", "people", "men",
	"women", "children", "houses", "destroyed", "market", "road", "checkpoint", "convoy", "drone",
	"strike", "airstrike", "mortar", "rounds", "fired", "at", "from", "during", "night", "morning",
	"after", "before", "following", "arrested", "detained", "released", "demonstration", "demanding",
	"wages", "prices", "fuel", "water", "electricity", "school", "hospital", "clinic", "bridge",
	"headquarters", "base", "troops", "withdrew", "advanced", "captured", "recaptured", "control",
	"outskirts", "border", "crossing", "refugees", "displaced", "aid", "workers", "journalists",
	"negotiations", "talks", "agreement", "truce", "violated", "accused", "denied", "responsibility",
	"unknown", "gunmen", "abducted", "landmine", "explosion", "vehicle", "patrol", "ambush", "raid",
	"operation", "militants", "insurgents", "security", "officials", "casualties", "fatalities",
	"wounded", "burned", "looted", "shops", "crowd", "dispersed", "tear", "gas", "rubber", "bullets",
	"curfew", "imposed", "lifted", "election", "results", "opposition", "supporters", "rally",
	"capital", "province", "governor", "mayor", "council", "commander", "spokesperson", "statement",
	"claimed", "confirmed", "according", "residents", "witnesses", "hostilities", "resumed", "ceased",
	"heavy", "sporadic", "intense", "brief", "overnight", "early", "late", "northern", "southern",
	"eastern", "western", "central", "coastal", "mountain", "river", "farmland", "warehouse", "depot",
}

// stanceWords open a quote in the stance it takes.
var stanceWords = map[model.Stance][]string{
	model.StanceSupports:    {"We fully support", "We welcome", "We call for"},
	model.StanceOpposes:     {"We reject", "We will never accept", "We oppose"},
	model.StanceConditional: {"We could accept", "We are ready to consider"},
	model.StanceNeutral:     {"We take note of", "We neither back nor oppose"},
	model.StanceUnclear:     {"We are studying", "It is too early to judge"},
}

// roles, as the ACLED importer names them.
const (
	roleActor1 = "actor 1"
	roleActor2 = "actor 2"
	roleAssoc1 = "with actor 1"
)

// maker makes events and statements one at a time, each kind from its own
// random stream, so that every format holds the same story whatever order
// it writes them in.
type maker struct {
	w          *world
	ev, st     *rand.Rand
	evZipf     *rand.Zipf
	stZipf     *rand.Zipf
	wordZipf   *rand.Zipf
	stWordZipf *rand.Zipf
	nEvents    int
	nStmts     int
	buf        []byte
	// evidence collects statements per (speaker, policy topic) for the
	// positions: at most maxEvidence each, for the position actors.
	evidence map[[2]int][]said
	stanceOf map[[2]int]model.Stance
	// positionActor marks the speakers that hold positions.
	positionActor []bool
}

// said is a statement's stance on a topic, evidence for a position.
type said struct {
	id     string
	date   edtf.Date
	stance model.Stance
}

const (
	maxEvidence = 32
	// positionActors is how many of the most vocal speakers hold positions
	// at the least; one speaker in positionShare beyond them does too.
	positionActors  = 24
	positionShare   = 2
	eventIDPrefix   = "ev-"
	statementPrefix = "st-"
)

func newMaker(w *world) *maker {
	ev := rand.New(rand.NewPCG(w.cfg.Seed, 0x5eed_0002))
	st := rand.New(rand.NewPCG(w.cfg.Seed, 0x5eed_0003))
	m := &maker{w: w, ev: ev, st: st,
		evZipf:     rand.NewZipf(ev, 1.15, 2, uint64(len(w.popular)-1)),
		stZipf:     rand.NewZipf(st, 1.3, 1, uint64(len(w.speakers)-1)),
		wordZipf:   rand.NewZipf(ev, 1.1, 3, uint64(len(words)-1)),
		stWordZipf: rand.NewZipf(st, 1.1, 3, uint64(len(words)-1)),
		evidence:   map[[2]int][]said{},
		stanceOf:   map[[2]int]model.Stance{},
	}
	m.positionActor = make([]bool, len(w.actors))
	for _, sp := range w.speakers[:max(min(positionActors, len(w.speakers)), len(w.speakers)/positionShare)] {
		m.positionActor[sp] = true
	}
	return m
}

// genEvent is an event with what the CSV export needs besides.
type genEvent struct {
	model.Event
	eventType, subType string
	place              int
	precision          int // ACLED time_precision: 1 day, 2 week, 3 month
	day                edtf.Day
	actors             [3]int // actor indexes; -1 where absent
	fatalities         int
	notes              string
}

// nextEvent makes event number n (from 1) into e, reusing its slices.
func (m *maker) nextEvent(e *genEvent) {
	m.nEvents++
	w, r := m.w, m.ev
	e.ID = eventIDPrefix + strconv.Itoa(m.nEvents)
	day := firstDay + edtf.Day(r.Int64N(int64(lastDay-firstDay+1)))
	e.day = day
	e.Date, e.precision = m.date(r, day)

	ti := w.eventTypes[r.IntN(len(w.eventTypes))]
	t := &w.topics[ti]
	e.eventType = t.Title
	e.subType = t.subs[r.IntN(len(t.subs))]
	e.place = r.IntN(len(w.places))
	e.Title = e.subType + " in " + w.places[e.place]
	e.Topics = append(e.Topics[:0], t.ID)
	if len(w.policies) > 0 && r.IntN(4) == 0 {
		e.Topics = append(e.Topics, w.topics[w.policies[r.IntN(len(w.policies))]].ID)
	}

	a1 := w.popular[m.evZipf.Uint64()]
	e.actors = [3]int{a1, -1, -1}
	e.Actors = append(e.Actors[:0], model.Role{Actor: w.actors[a1].ID, Role: roleActor1})
	if len(w.actors) > 1 && r.IntN(4) != 0 {
		a2 := m.otherActor(a1, -1)
		e.actors[1] = a2
		e.Actors = append(e.Actors, model.Role{Actor: w.actors[a2].ID, Role: roleActor2})
	}
	if len(w.actors) > 2 && r.IntN(7) == 0 {
		a3 := m.otherActor(a1, e.actors[1])
		e.actors[2] = a3
		e.Actors = append(e.Actors, model.Role{Actor: w.actors[a3].ID, Role: roleAssoc1})
	}
	e.fatalities = 0
	if r.IntN(3) == 0 {
		e.fatalities = 1 + int(m.wordZipf.Uint64()%40)
	}

	// Notes: who did what where, then 30 to 70 words in all.
	b := m.buf[:0]
	b = append(b, "On "...)
	b = appendDayWords(b, day)
	b = append(b, ", "...)
	b = append(b, w.actors[a1].Name...)
	b = append(b, ' ')
	b = append(b, verbs[r.IntN(len(verbs))]...)
	if e.actors[1] >= 0 {
		b = append(b, ' ')
		b = append(b, w.actors[e.actors[1]].Name...)
	}
	b = append(b, " in "...)
	b = append(b, w.places[e.place]...)
	b = append(b, " ("...)
	b = append(b, w.regions[e.place]...)
	b = append(b, ")."...)
	b = m.filler(b, r, m.wordZipf, 30+r.IntN(41)-12)
	if e.fatalities > 0 {
		b = append(b, " Fatalities: "...)
		b = strconv.AppendInt(b, int64(e.fatalities), 10)
		b = append(b, '.')
	}
	m.buf = b
	e.notes = string(b)
	e.Summary = e.notes
	e.Citations = append(e.Citations[:0], model.Citation{Source: w.sources[r.IntN(len(w.sources))].ID, Paragraph: 1 + r.IntN(6)})
}

var verbs = []string{"clashed with", "attacked", "shelled positions of", "fought", "arrested members of",
	"protested against", "negotiated with", "ambushed", "raided", "met"}

func (m *maker) otherActor(not1, not2 int) int {
	for range 8 {
		a := m.w.popular[m.evZipf.Uint64()]
		if a != not1 && a != not2 {
			return a
		}
	}
	for a := range m.w.actors {
		if a != not1 && a != not2 {
			return a
		}
	}
	return not1
}

// date picks the date of a day at mixed precision: mostly the day, some
// months, short intervals, approximate and uncertain days.
func (m *maker) date(r *rand.Rand, day edtf.Day) (edtf.Date, int) {
	var b [32]byte
	s, prec := b[:0], 1
	switch x := r.IntN(100); {
	case x < 78:
		s = appendDay(s, day)
	case x < 86:
		s = appendDay(s, day)[:7]
		prec = 3
	case x < 93:
		s = appendDay(s, day)
		s = append(s, '/')
		s = appendDay(s, day+edtf.Day(1+r.IntN(6)))
		prec = 2
	case x < 97:
		s = append(appendDay(s, day), '~')
	default:
		s = append(appendDay(s, day)[:7], '?')
		prec = 3
	}
	return edtf.MustParse(string(s)), prec
}

func appendDay(b []byte, d edtf.Day) []byte {
	y, mo, dd := d.Civil()
	b = strconv.AppendInt(b, y, 10)
	b = append(b, '-', byte('0'+mo/10), byte('0'+mo%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return b
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func appendDayWords(b []byte, d edtf.Day) []byte {
	y, mo, dd := d.Civil()
	b = strconv.AppendInt(b, int64(dd), 10)
	b = append(b, ' ')
	b = append(b, monthNames[mo-1]...)
	b = append(b, ' ')
	return strconv.AppendInt(b, y, 10)
}

// filler appends sentences of vocabulary words until b holds n words more.
func (m *maker) filler(b []byte, r *rand.Rand, z *rand.Zipf, n int) []byte {
	start := true
	for i := range n {
		w := words[z.Uint64()]
		if r.IntN(40) == 0 {
			w = m.w.places[r.IntN(len(m.w.places))]
		}
		b = append(b, ' ')
		if start {
			b = append(b, w[0]-('a'-'A')*boolByte(w[0] >= 'a' && w[0] <= 'z'))
			b = append(b, w[1:]...)
			start = false
		} else {
			b = append(b, w...)
		}
		if i == n-1 || r.IntN(12) == 0 {
			b = append(b, '.')
			start = true
		}
	}
	return b
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// nextStatement makes the next statement into s, reusing its slices.
func (m *maker) nextStatement(s *model.Statement) {
	m.nStmts++
	w, r := m.w, m.st
	s.ID = statementPrefix + strconv.Itoa(m.nStmts)
	sp := w.speakers[m.stZipf.Uint64()]
	s.Speaker = w.actors[sp].ID
	day := firstDay + edtf.Day(r.Int64N(int64(lastDay-firstDay+1)))
	s.Date, _ = m.date(r, day)
	s.Paraphrase = r.IntN(5) == 0
	s.Title = ""
	if r.IntN(3) == 0 {
		s.Title = w.actors[sp].Name + " on the situation in " + w.places[r.IntN(len(w.places))]
	}
	s.Stances = s.Stances[:0]
	var first model.Stance
	topics := w.policies
	if len(topics) == 0 {
		topics = w.eventTypes
	}
	for k := range 1 + r.IntN(2) {
		t := topics[r.IntN(len(topics))]
		if k > 0 && s.Stances[0].Topic == w.topics[t].ID {
			break
		}
		st := model.Stances[r.IntN(len(model.Stances))]
		// Speakers mostly keep to one stance on a topic; now and then one
		// changes it, and keeps to the new one.
		key := [2]int{sp, t}
		if prev, ok := m.stanceOf[key]; ok && r.IntN(5) != 0 {
			st = prev
		} else {
			m.stanceOf[key] = st
		}
		if k == 0 {
			first = st
		}
		s.Stances = append(s.Stances, model.TopicStance{Topic: w.topics[t].ID, Stance: st})
		if ev := m.evidence[key]; len(ev) < maxEvidence && m.positionActor[sp] {
			m.evidence[key] = append(ev, said{s.ID, s.Date, st})
		}
	}
	b := m.buf[:0]
	openers := stanceWords[first]
	b = append(b, openers[r.IntN(len(openers))]...)
	b = append(b, " the "...)
	b = append(b, w.topics[topicIndex(w, s.Stances[0].Topic)].Title...)
	b = append(b, '.')
	b = m.filler(b, r, m.stWordZipf, 12+r.IntN(28))
	m.buf = b
	s.Quote = string(b)
	s.ReactsTo = ""
	if m.w.cfg.Events > 0 && r.IntN(3) == 0 {
		s.ReactsTo = eventIDPrefix + strconv.Itoa(1+r.IntN(m.w.cfg.Events))
	}
	s.Citation = model.Citation{Source: w.sources[r.IntN(len(w.sources))].ID, Paragraph: 1 + r.IntN(4)}
}

func topicIndex(w *world, id string) int {
	for i, t := range w.topics {
		if t.ID == id {
			return i
		}
	}
	return 0
}

// positions are the position histories of the position actors on the
// topics they spoke on: their statements in time order, a step each time
// the stance changes, dated by the statement that changed it and resting
// on the statements that kept to it. Call it after every statement is made.
func (m *maker) positions() []model.Position {
	var out []model.Position
	for _, sp := range m.w.speakers {
		if !m.positionActor[sp] {
			continue
		}
		for t := range m.w.topics {
			ev := m.evidence[[2]int{sp, t}]
			if len(ev) == 0 {
				continue
			}
			slices.SortStableFunc(ev, func(a, b said) int { return cmp.Compare(a.date.Earliest(), b.date.Earliest()) })
			first := len(out)
			for _, e := range ev {
				if n := len(out); n > first && (out[n-1].Stance == e.stance || out[n-1].Date.Earliest() == e.date.Earliest()) {
					out[n-1].Evidence = append(out[n-1].Evidence, e.id)
					continue
				}
				out = append(out, model.Position{Actor: m.w.actors[sp].ID, Topic: m.w.topics[t].ID,
					Date: e.date, Stance: e.stance, Evidence: []string{e.id}})
			}
			for i := first; i < len(out); i++ {
				out[i].Summary = m.w.actors[sp].Name + " has said so in " + strconv.Itoa(len(out[i].Evidence)) + " statements."
			}
		}
	}
	return out
}

// Story makes the story of cfg in memory, for tests and benchmarks that
// need it without a file: the same story Write writes.
func Story(cfg Config) *model.Story {
	w := newWorld(cfg)
	s := &model.Story{
		Title:       storyTitle(cfg),
		Description: storyDescription,
		Sources:     append([]model.Source(nil), w.sources...),
		Events:      make([]model.Event, cfg.Events),
		Statements:  make([]model.Statement, cfg.Statements()),
	}
	for _, a := range w.actors {
		s.Actors = append(s.Actors, a.Actor)
	}
	for _, t := range w.topics {
		s.Topics = append(s.Topics, t.Topic)
	}
	m := newMaker(w)
	for i := range s.Events {
		var e genEvent
		m.nextEvent(&e)
		s.Events[i] = e.Event
	}
	for i := range s.Statements {
		m.nextStatement(&s.Statements[i])
	}
	s.Positions = m.positions()
	return s
}

func storyTitle(cfg Config) string {
	return "Synthetic conflict timeline (" + strconv.Itoa(cfg.Events) + " events, seed " + strconv.FormatUint(cfg.Seed, 10) + ")"
}

const storyDescription = "A reproducible story made by dateline gen: ACLED-like events, statements and positions.\nNothing in it happened."
