package importer

import (
	"bytes"
	"encoding/xml"
	"github.com/gongshi/gongshi/internal/i18n"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Word's list numbering (WordprocessingML, ECMA-376 part 1 §17.9): a
// paragraph's w:numPr (numId, ilvl), or its style's, names a numbering
// instance (w:num) and a level; the instance points at an abstract
// definition (w:abstractNum) whose levels say the format of the number
// (w:numFmt), the text around it (w:lvlText, "%1." "（%1）" "%1、"), where
// it starts (w:start) and when it starts again (w:lvlRestart); an instance
// can override a level's start (w:lvlOverride/w:startOverride). The number
// is not in the text: Word draws it. The decoder renders the label Word
// shows and puts it before the paragraph's text, so that "1." reaches the
// recognisers as if typed.

// numLevel is one level of a list definition.
type numLevel struct {
	start   int
	fmt     string // numFmt: decimal, chineseCounting …
	text    string // lvlText: "%1."
	restart int    // lvlRestart: -1 absent (restart after any higher level), 0 never, k after level k (1-based)
	legal   bool   // isLgl: every number decimal
	suff    string // tab (default), space, nothing
	set     bool   // the level is defined
}

// abstractNum is a list definition: nine levels.
type abstractNum struct {
	lvl [9]numLevel
	// numStyleLink: the levels are those of the list a numbering style
	// names (Word's list styles: heading numbering is often so defined)
	styleLink string
}

// numInstance is a w:num: its definition and its level overrides.
type numInstance struct {
	abstract string
	override [9]*int      // startOverride per level
	lvl      [9]*numLevel // a whole level redefined in lvlOverride
}

// numbering is word/numbering.xml read, with the counters of the lists
// met so far in the document.
type numbering struct {
	abstract map[string]*abstractNum
	num      map[string]*numInstance
	styles   map[string]styleNum // paragraph style → its numbering
	// counters per list definition (Word continues a list across the
	// instances of one definition; an instance with a start override
	// starts it again), and which overrides were applied
	count   map[string]*[9]int
	applied map[string]*[9]bool
}

// styleNum is a paragraph style's numbering: its numPr and the style it is
// based on.
type styleNum struct {
	numID, ilvl string
	basedOn     string
}

// maxNumberingDefs bounds the definitions read (a document has a few
// dozen): a hostile numbering part cannot make the maps huge.
const maxNumberingDefs = 10000

func attrVal(se xml.StartElement) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == "val" {
			return a.Value, true
		}
	}
	return "", false
}

func attrOf(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

// parseNumbering reads word/numbering.xml and the numbering of the
// paragraph styles of word/styles.xml (either may be nil).
func parseNumbering(numXML, stylesXML []byte) (*numbering, error) {
	nb := &numbering{abstract: map[string]*abstractNum{}, num: map[string]*numInstance{}, styles: map[string]styleNum{},
		count: map[string]*[9]int{}, applied: map[string]*[9]bool{}}
	if len(numXML) > 0 {
		if err := nb.readNumbering(numXML); err != nil {
			return nil, i18n.Errorf("word/numbering.xml: %v", err)
		}
	}
	if len(stylesXML) > 0 {
		if err := nb.readStyles(stylesXML); err != nil {
			return nil, i18n.Errorf("word/styles.xml: %v", err)
		}
	}
	return nb, nil
}

func (nb *numbering) readNumbering(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		an     *abstractNum
		ni     *numInstance
		lv     *numLevel
		ovrLvl = -1
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			line, _ := dec.InputPos()
			return i18n.Errorf("line %d: %v", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			val, _ := attrVal(t)
			switch t.Name.Local {
			case "abstractNum":
				if len(nb.abstract) >= maxNumberingDefs {
					return i18n.Errorf("more than %d list definitions", maxNumberingDefs)
				}
				an = &abstractNum{}
				nb.abstract[attrOf(t, "abstractNumId")] = an
			case "num":
				if len(nb.num) >= maxNumberingDefs {
					return i18n.Errorf("more than %d lists", maxNumberingDefs)
				}
				ni = &numInstance{}
				nb.num[attrOf(t, "numId")] = ni
			case "abstractNumId":
				if ni != nil {
					ni.abstract = val
				}
			case "numStyleLink":
				if an != nil {
					an.styleLink = val
				}
			case "lvlOverride":
				ovrLvl = atoiOr(attrOf(t, "ilvl"), -1)
			case "startOverride":
				if ni != nil && ovrLvl >= 0 && ovrLvl < 9 {
					n := atoiOr(val, 1)
					ni.override[ovrLvl] = &n
				}
			case "lvl":
				i := atoiOr(attrOf(t, "ilvl"), -1)
				if i < 0 || i >= 9 {
					lv = nil
					break
				}
				l := &numLevel{start: 1, fmt: "decimal", restart: -1, suff: "tab", set: true}
				switch {
				case ni != nil && ovrLvl >= 0:
					if ovrLvl == i {
						ni.lvl[i] = l
					}
				case an != nil:
					an.lvl[i] = *l
					l = &an.lvl[i]
				}
				lv = l
			case "start":
				if lv != nil {
					lv.start = atoiOr(val, 1)
				}
			case "numFmt":
				if lv != nil {
					lv.fmt = val
				}
			case "lvlText":
				if lv != nil {
					lv.text = val
				}
			case "lvlRestart":
				if lv != nil {
					lv.restart = atoiOr(val, -1)
				}
			case "isLgl":
				if lv != nil {
					lv.legal = val == "" || val == "1" || val == "true" || val == "on"
				}
			case "suff":
				if lv != nil {
					lv.suff = val
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "abstractNum":
				an = nil
			case "num":
				ni = nil
			case "lvlOverride":
				ovrLvl = -1
			case "lvl":
				lv = nil
			}
		}
	}
}

// readStyles reads the numPr of paragraph styles.
func (nb *numbering) readStyles(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		id    string
		s     styleNum
		inPPr int
		in    bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			line, _ := dec.InputPos()
			return i18n.Errorf("line %d: %v", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			val, _ := attrVal(t)
			switch t.Name.Local {
			case "style":
				typ := attrOf(t, "type")
				in, id, s = typ == "paragraph" || typ == "numbering" || typ == "", attrOf(t, "styleId"), styleNum{}
			case "basedOn":
				if in && inPPr == 0 {
					s.basedOn = val
				}
			case "pPr":
				inPPr++
			case "numId":
				if in && inPPr > 0 {
					s.numID = val
				}
			case "ilvl":
				if in && inPPr > 0 {
					s.ilvl = val
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "pPr":
				inPPr--
			case "style":
				if in && id != "" && len(nb.styles) < maxNumberingDefs {
					nb.styles[id] = s
				}
				in = false
			}
		}
	}
}

// paraNum is what a paragraph's properties say of its numbering.
type paraNum struct {
	style       string
	numID, ilvl string
	hasNumID    bool
}

// label is the label Word shows before a paragraph with these properties,
// advancing the list's counters; "" for a paragraph that is not numbered
// (or is a bullet: not a number).
func (nb *numbering) label(p paraNum) string {
	if nb == nil {
		return ""
	}
	numID, ilvl := p.numID, p.ilvl
	// the style's numbering, through the styles it is based on
	seen := 0
	for st := p.style; st != "" && seen < 32; seen++ {
		s, ok := nb.styles[st]
		if !ok {
			break
		}
		if !p.hasNumID && numID == "" && s.numID != "" {
			numID = s.numID
		}
		if ilvl == "" && s.ilvl != "" {
			ilvl = s.ilvl
		}
		st = s.basedOn
	}
	if numID == "" || numID == "0" {
		return ""
	}
	inst, ok := nb.num[numID]
	if !ok {
		return ""
	}
	absID := inst.abstract
	an, ok := nb.abstract[absID]
	if !ok {
		return ""
	}
	// a definition that links to a numbering style: the style's list's
	// definition (one step: that one holds the levels)
	if an.styleLink != "" {
		if st, ok := nb.styles[an.styleLink]; ok {
			if li, ok := nb.num[st.numID]; ok {
				if la, ok := nb.abstract[li.abstract]; ok && la != an {
					absID, an = li.abstract, la
				}
			}
		}
	}
	lvl := atoiOr(ilvl, 0)
	if lvl < 0 || lvl >= 9 {
		return ""
	}
	level := func(i int) numLevel {
		if inst.lvl[i] != nil {
			return *inst.lvl[i]
		}
		return an.lvl[i]
	}
	L := level(lvl)
	if !L.set {
		return ""
	}
	cnt := nb.count[absID]
	if cnt == nil {
		cnt = &[9]int{}
		nb.count[absID] = cnt
	}
	applied := nb.applied[numID]
	if applied == nil {
		applied = &[9]bool{}
		nb.applied[numID] = applied
	}
	startOf := func(i int) int {
		if inst.override[i] != nil {
			return *inst.override[i]
		}
		return level(i).start
	}
	if inst.override[lvl] != nil && !applied[lvl] {
		applied[lvl] = true
		cnt[lvl] = 0
	}
	if cnt[lvl] == 0 {
		cnt[lvl] = startOf(lvl)
	} else if cnt[lvl] < 1<<30 {
		cnt[lvl]++
	}
	// the levels below start again, as their lvlRestart says
	for m := lvl + 1; m < 9; m++ {
		r := level(m).restart
		if r == 0 || (r > 0 && lvl > r-1) {
			continue
		}
		cnt[m] = 0
	}
	if L.fmt == "bullet" || L.fmt == "none" {
		return ""
	}
	var b strings.Builder
	text := L.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			n := cnt[k]
			if n == 0 {
				n = startOf(k)
			}
			f := level(k).fmt
			if L.legal && k != lvl {
				f = "decimal"
			}
			b.WriteString(formatNumber(n, f))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	s := b.String()
	if s == "" || L.suff == "nothing" {
		return s
	}
	// a label that ends in a mark (1. 一、 （一）) or an enclosed number (①
	// ⑴) reads as typed without a separator; one that ends in a word or a
	// digit (第一条, 5.1) takes a space
	r := []rune(s)
	if last := r[len(r)-1]; unicode.IsLetter(last) || unicode.IsDigit(last) {
		return s + " "
	}
	return s
}

var (
	wordCNDigits = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	cnLegal      = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	cnTiangan    = []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}
	cnDizhi      = []string{"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"}
	circledIdg   = "㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉"
)

// chineseCount writes n in Chinese counting (一 十一 二十 一百零五 …), with
// the given digits and unit words.
func chineseCount(n int, digits []string, units [4]string) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	if n >= 10000 {
		return chineseCount(n/10000, digits, units) + "万" + func() string {
			r := n % 10000
			if r == 0 {
				return ""
			}
			s := chineseCount(r, digits, units)
			if r < 1000 {
				s = digits[0] + s
			}
			return s
		}()
	}
	var b strings.Builder
	parts := []int{n / 1000, n / 100 % 10, n / 10 % 10, n % 10}
	names := []string{units[3], units[2], units[1], ""}
	zero := false
	started := false
	for i, d := range parts {
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString(digits[0])
			zero = false
		}
		// 十一, not 一十一, for 10–19 alone
		if !(i == 2 && d == 1 && !started && units[1] == "十") {
			b.WriteString(digits[d])
		}
		b.WriteString(names[i])
		started = true
	}
	return b.String()
}

// formatNumber renders n in a Word number format (w:numFmt).
func formatNumber(n int, f string) string {
	switch f {
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting":
		return chineseCount(n, wordCNDigits, [4]string{"", "十", "百", "千"})
	case "chineseLegalSimplified":
		return chineseCount(n, cnLegal, [4]string{"", "拾", "佰", "仟"})
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		if n < 0 {
			return strconv.Itoa(n)
		}
		var b strings.Builder
		for _, c := range strconv.Itoa(n) {
			b.WriteString(wordCNDigits[c-'0'])
		}
		return b.String()
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return cnTiangan[n-1]
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return cnDizhi[n-1]
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		switch {
		case n >= 1 && n <= 20:
			return string(rune('①' + n - 1))
		case n >= 21 && n <= 35:
			return string(rune('㉑' + n - 21))
		case n >= 36 && n <= 50:
			return string(rune('㊱' + n - 36))
		}
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string([]rune(circledIdg)[n-1])
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune('⑴' + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune('⒈' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, c := range strconv.Itoa(n) {
			if c >= '0' && c <= '9' {
				b.WriteRune('０' + c - '0')
			} else {
				b.WriteRune(c)
			}
		}
		return b.String()
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter", "upperLetter":
		if n >= 1 {
			// a, b … z, aa, bb … (Word repeats the letter)
			c := rune('a' + (n-1)%26)
			if f == "upperLetter" {
				c = unicode.ToUpper(c)
			}
			return strings.Repeat(string(c), min((n-1)/26+1, 50))
		}
	case "lowerRoman", "upperRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if f == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
