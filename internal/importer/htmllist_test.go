package importer

import (
	"strings"
	"testing"
)

// An ordered list's items read with the numbers a browser draws before
// them: the HTML ordinal algorithm and the list-style-type's marker.
func TestHTMLListMarkers(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       []string
	}{
		{"decimal from 1", `<ol><li>甲</li><li>乙</li></ol>`, []string{"1.甲", "2.乙"}},
		{"start", `<ol start="3"><li>甲</li><li>乙</li></ol>`, []string{"3.甲", "4.乙"}},
		{"an item's value sets the next ones'", `<ol><li>甲</li><li value="7">乙</li><li>丙</li></ol>`, []string{"1.甲", "7.乙", "8.丙"}},
		{"reversed", `<ol reversed><li>甲</li><li>乙</li><li>丙</li></ol>`, []string{"3.甲", "2.乙", "1.丙"}},
		{"type a", `<ol type="a"><li>甲</li><li>乙</li></ol>`, []string{"a.甲", "b.乙"}},
		{"type I", `<ol type="I"><li>甲</li><li>乙</li></ol>`, []string{"I.甲", "II.乙"}},
		{"cjk-ideographic", `<ol style="list-style-type: cjk-ideographic"><li>甲</li><li>乙</li></ol>`, []string{"一、甲", "二、乙"}},
		{"cjk-decimal on an item", `<ol><li style="list-style-type:cjk-decimal">甲</li><li>乙</li></ol>`, []string{"1、甲", "2.乙"}},
		{"list-style none draws nothing", `<ol style="list-style:none"><li>甲</li></ol>`, []string{"甲"}},
		{"the item's own number is not doubled", `<ol><li>1.甲</li><li>2.乙</li></ol>`, []string{"1.甲", "2.乙"}},
		{"bullets are no numbers", `<ul><li>甲</li></ul>`, []string{"甲"}},
		{"a nested list counts on its own", `<ol><li>甲甲甲甲<ol><li>子子子子</li></ol></li><li>乙乙乙乙乙乙乙乙乙乙乙乙</li><li>丙丙丙丙丙丙丙丙丙丙</li></ol>`,
			[]string{"1.甲甲甲甲", "1.子子子子", "2.乙乙乙乙乙乙乙乙乙乙乙乙", "3.丙丙丙丙丙丙丙丙丙丙"}},
		{"text in a paragraph inside the item", `<ol start="5"><li><p>甲</p></li></ol>`, []string{"5.甲"}},
		{"an empty item leaves no number to the text after it", `<ol><li></li><li>乙</li></ol><p>丙</p>`, []string{"2.乙", "丙"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Decode("list.html", []byte("<html><body><div class=\"article\">"+c.body+"</div></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range d.Lines {
				if l.Chrome == "" && strings.TrimSpace(l.Text) != "" {
					got = append(got, strings.TrimSpace(l.Text))
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("lines %q, want %q", got, c.want)
			}
		})
	}
}

// A list that holds most of the page's text is part of the article, never
// all of it: the preamble and the signature around it are the article's.
func TestHTMLListIsNotTheArticle(t *testing.T) {
	item := strings.Repeat("党员教育管理失之于宽，有关人员对政策把握不准。", 3)
	page := `<html><body><div class="nav"><a href="/">首页</a></div><div class="article">` +
		`<h1>中共样本镇委员会关于巡察整改进展情况的通报</h1><p>县委第二巡察组对样本镇党委开展了巡察。</p><ol>` +
		strings.Repeat("<li><p>"+item+"</p><p>整改情况：已整改。</p></li>", 8) +
		`</ol><p>中共样本镇委员会</p><p>2024年12月2日</p></div><div class="footer">版权所有</div></body></html>`
	d, err := Decode("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range d.Lines {
		inArticle := !strings.Contains(l.Text, "首页") && !strings.Contains(l.Text, "版权所有")
		if inArticle != (l.Chrome == "") {
			t.Errorf("%q: chrome %q", l.Text, l.Chrome)
		}
	}
}
