package review

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/intake"
	"github.com/gongshi/gongshi/internal/store"
)

const sampleRegion = "示例省/示例市/示例县/样本镇"

func sample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../importer/testdata/layouts", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var editToken = regexp.MustCompile(`action="/review/edit"[^>]*><input type="hidden" name="token" value="([0-9a-f]+)"`)

// heldToken is the held import's token on a page with correction forms.
func heldToken(t *testing.T, page string) string {
	t.Helper()
	m := editToken.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no correction form on the page:\n%.3000s", page)
	}
	return m[1]
}

// correct posts a correction form of the held import tok.
func correct(t *testing.T, h *Handler, tok string, fields ...string) string {
	t.Helper()
	form := url.Values{"token": {tok}, "csrf": {h.guard.token("/review/edit", tok)}}
	for i := 0; i+1 < len(fields); i += 2 {
		form.Set(fields[i], fields[i+1])
	}
	rec := postForm(h, "/review/edit", form)
	if rec.Code != http.StatusOK {
		t.Fatalf("correction %v: %d %s", fields, rec.Code, rec.Body)
	}
	return rec.Body.String()
}

func checkFolder(t *testing.T, data string) {
	t.Helper()
	_, probs, err := check.Dir(data)
	if err != nil || len(check.Errors(probs)) != 0 {
		t.Fatalf("check refuses the data folder the review page wrote: %v %v", err, check.Errors(probs))
	}
}

// A notice the importer cannot read (its findings begin 反馈事项A) is
// shown line by line with correction forms and no save form; corrected
// through the page's forms (three lines start findings, a status set) it
// re-assembles — three findings, the stated totals met — and is saved with
// its edits beside it; check accepts the folder. The corrections saved as
// the issuer's layout read its next notice, whose page says so, and that
// notice saves and checks too.
func TestCorrectSaveAndLayout(t *testing.T) {
	root, _ := filepath.Abs("../..")
	data := t.TempDir()
	h := New(root, data)
	page := upload(t, h, "sample-a.txt", sample(t, "sample-a.txt"), "region", sampleRegion)
	if !strings.Contains(page, "无法读成通报") || !strings.Contains(page, "没有找到") && !strings.Contains(page, "found none") {
		t.Errorf("the misread notice does not say why:\n%.2000s", page)
	}
	if strings.Contains(page, `action="/review/save"`) || strings.Contains(page, "没有问题") || !strings.Contains(page, "请在下方“原文逐行”中更正") {
		t.Error("a notice that cannot be read is offered for saving, said to have no problem, or not said how to correct")
	}
	tok := heldToken(t, page)
	for _, line := range []string{"6", "8", "10"} {
		page = correct(t, h, tok, "op", "role", "line", line, "role", "finding")
	}
	if !strings.Contains(page, "通报称 3 个问题，读出 3 个") {
		t.Errorf("the totals after the corrections:\n%s", regexp.MustCompile(`(?s)<section aria-labelledby="problems-h">.*?</section>`).FindString(page))
	}
	page = correct(t, h, tok, "op", "status", "line", "10", "status", "in_progress")
	if !strings.Contains(page, `<li value="3" id="finding-3">`) || !regexp.MustCompile(`(?s)id="finding-3">.*?整改中`).MatchString(page) {
		t.Errorf("the status set is not shown:\n%.4000s", page)
	}
	for _, want := range []string{"第 6 行：问题开头", "第 10 行起的问题：状态改为整改中", "（已更正）"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if !strings.Contains(page, `action="/review/save"`) {
		t.Fatalf("the corrected notice is not offered for saving:\n%.3000s", regexp.MustCompile(`(?s)<section aria-labelledby="problems-h">.*?</section>`).FindString(page))
	}
	if out := postSave(h, tok); !strings.Contains(out, "已保存") || !strings.Contains(out, "4 项更正") {
		t.Fatalf("save: %s", out)
	}
	files, _ := store.Files(data)
	if len(files) != 1 {
		t.Fatalf("saved %v", files)
	}
	if _, err := os.Stat(intake.EditsPath(files[0])); err != nil {
		t.Errorf("the edits are not kept beside the data file: %v", err)
	}
	checkFolder(t, data)

	// The layout: saved from a second upload of the same original (the
	// saved import is gone), whose edits are replayed.
	page = upload(t, h, "sample-a.txt", sample(t, "sample-a.txt"), "region", sampleRegion)
	if !strings.Contains(page, "已重放这份原文保存过的更正") {
		t.Errorf("the saved corrections are not replayed on the same original")
	}
	tok = heldToken(t, page)
	// a correction adds to the replayed ones (here: one undone)
	if page = correct(t, h, tok, "op", "undo"); !strings.Contains(page, "第 10 行：问题开头") || strings.Contains(page, "状态改为整改中") {
		t.Errorf("undo after a replay does not keep the replayed corrections")
	}
	form := url.Values{"token": {tok}, "csrf": {h.guard.token("/review/layout", tok)}, "name": {"样本镇"}}
	out := postForm(h, "/review/layout", form).Body.String()
	if !strings.Contains(out, "已保存版式") || !strings.Contains(out, `starts = &#34;反馈事项N&#34;`) || !strings.Contains(out, "以“反馈事项N”开头的行（N 代表任意编号）：问题开头") {
		t.Fatalf("layout: %s", out)
	}
	if out := postForm(h, "/review/layout", form).Body.String(); !strings.Contains(out, "没有保存版式") {
		t.Errorf("a layout is overwritten without asking: %s", out)
	}
	page = upload(t, h, "sample-b.txt", sample(t, "sample-b.txt"), "region", sampleRegion)
	if !strings.Contains(page, "按 样本镇 的版式读取") || !strings.Contains(page, "改动了 2 行：第 6 行、第 8 行") {
		t.Errorf("the profile's use is not shown:\n%.3000s", page)
	}
	tok = saveForm.FindStringSubmatch(page)[1]
	if out := postSave(h, tok); !strings.Contains(out, "已保存") {
		t.Fatalf("save of the second notice: %s", out)
	}
	checkFolder(t, data)
}

// A save the use case refuses writes nothing and says why, in Chinese,
// each problem beside its field; given what it lacks through the fields
// form, the same import saves, and check accepts it. An existing file is
// overwritten only when the editor ticks the confirmation.
func TestSaveRefusedThenCorrected(t *testing.T) {
	root, _ := filepath.Abs("../..")
	data := t.TempDir()
	h := New(root, data)
	// sample-b.txt without its title line: the findings begin at lines 5 and 7
	untitled := []byte(strings.SplitN(string(sample(t, "sample-b.txt")), "\n", 2)[1])
	page := upload(t, h, "sample-b.txt", untitled)
	tok := heldToken(t, page)
	page = correct(t, h, tok, "op", "role", "line", "5", "role", "finding")
	page = correct(t, h, tok, "op", "role", "line", "7", "role", "finding")
	if strings.Contains(page, `action="/review/save"`) || !strings.Contains(page, "不能保存") {
		t.Fatalf("a notice with no region is offered for saving")
	}
	// Saved all the same (a form kept from before): nothing written.
	if out := postSave(h, tok); !strings.Contains(out, "没有保存") || !strings.Contains(out, "省") {
		t.Errorf("the refused save: %s", out)
	}
	if files, _ := store.Files(data); len(files) != 0 {
		t.Fatalf("the refused save wrote %v", files)
	}
	// The region given, the title still missing: check's problem is
	// shown beside the title field.
	page = correct(t, h, tok, "op", "fields", "title", "", "region", sampleRegion, "signed", "2025年9月1日")
	if !regexp.MustCompile(`(?s)id="f-title"[^>]*aria-invalid="true".*?<span class="field-problem">[^<]*title`).MatchString(page) {
		t.Errorf("the title's problem is not beside its field:\n%.3000s", regexp.MustCompile(`(?s)<form[^>]*class="fields".*?</form>`).FindString(page))
	}
	page = correct(t, h, tok, "op", "fields", "title", "中共样本镇委员会关于巡察整改进展情况的通报", "region", sampleRegion, "signed", "2025年9月1日")
	if !strings.Contains(page, `action="/review/save"`) {
		t.Fatalf("the corrected notice is not offered for saving:\n%.3000s", page)
	}
	if out := postSave(h, tok); !strings.Contains(out, "已保存") {
		t.Fatalf("save: %s", out)
	}
	checkFolder(t, data)

	// The same again: the file exists; saved without the confirmation it
	// is refused, with it it is replaced.
	page = upload(t, h, "sample-b.txt", untitled)
	tok = heldToken(t, page)
	if !strings.Contains(page, `name="overwrite"`) {
		t.Errorf("no overwrite confirmation for an existing file")
	}
	if out := postSave(h, tok); !strings.Contains(out, "没有保存") || !strings.Contains(out, "确认覆盖") || !strings.Contains(out, "已有同名数据文件 data/") || strings.Contains(out, "--force") {
		t.Errorf("an existing file is overwritten without confirmation: %s", out)
	}
	form := url.Values{"token": {tok}, "csrf": {h.guard.token("/review/save", tok)}, "overwrite": {"1"}}
	if out := postForm(h, "/review/save", form).Body.String(); !strings.Contains(out, "已保存") {
		t.Errorf("the confirmed overwrite: %s", out)
	}
	checkFolder(t, data)
}

// The upload form's region is prefilled from config.toml's publisher.
func TestRegionPrefilled(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "config.toml"), []byte("[params.publisher]\nprovince = \"示例省\"\ncity = \"示例市\"\ncounty = \"示例县\"\n"), 0o644)
	_, page := get(t, New(root, t.TempDir()), "/review/")
	if !strings.Contains(page, `name="region" value="示例省/示例市/示例县"`) {
		t.Errorf("the region is not prefilled:\n%.2000s", page)
	}
}
