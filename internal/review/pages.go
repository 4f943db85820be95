package review

import (
	"errors"
	"html/template"
)

// reviewCSS is the pages' style sheet, served at /review/review.css (the
// Content-Security-Policy allows no inline style or script).
const reviewCSS = `body{font:16px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0 1rem 3rem;color:#1a1a1a}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem}
@media (max-width:50rem){.cols{grid-template-columns:1fr}}
ol.src{list-style:none;padding:0;margin:0;font-size:.9rem}
ol.src li{display:grid;grid-template-columns:3.5em 6.5em 1fr;gap:.5em;padding:.1em .3em;border-left:.4em solid #ddd}
ol.src .no{color:#555;text-align:right}ol.src .k{color:#333;font-size:.8rem}
.finding{background:#e8f1fb;border-color:#1f5fa8!important}.status{background:#e9f6ec;border-color:#23803b!important}
.measure{background:#f3f9e9;border-color:#6b8e23!important}.heading{background:#f1ecf8;border-color:#6a3fa0!important;font-weight:bold}
.chrome{background:#f2f2f2;color:#555;border-color:#888!important;text-decoration:line-through}
.lines{white-space:pre-line}
p.warn{background:#fff4e0;border-left:4px solid #b26a00;padding:.5em;color:#5a3a00}
.unplaced{background:#fdeaea;border-color:#b3261e!important;outline:2px dashed #b3261e}
.legend span{display:inline-block;padding:0 .4em;margin:0 .3em .3em 0;border-left:.4em solid}
.problems li.warn{color:#7a4b00}.problems li{color:#b3261e}
.unmasked{background:#fff4d6;border-left:.4em solid #7a4b00;padding:.3em .6em}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .4em;text-align:left}
label input[type=text],label input[type=url],label select{display:block;box-sizing:border-box;width:100%;max-width:32em;font:inherit;padding:.3em}
h1.path,code,.lines,.field-problem,.problems li,p,pre{overflow-wrap:anywhere}pre{white-space:pre-wrap}
ol.src li{grid-template-areas:"no k t" "no f f"}ol.src .no{grid-area:no}ol.src .k{grid-area:k;overflow-wrap:anywhere;min-width:0}ol.src .t{grid-area:t;min-width:0;overflow-wrap:anywhere}ol.src form.fix{grid-area:f}
@media (max-width:30rem){ol.src li{grid-template-columns:2.5em 1fr;grid-template-areas:"no k" "no t" "no f"}}
form.fix{display:inline;font-size:.85rem}form.fix select,form.fix button{font:inherit;font-size:.85rem}
.fields label{display:block;font-weight:bold}.fields input[type=text]{display:block;box-sizing:border-box;width:100%;max-width:32em;font:inherit;padding:.3em}
.field-problem{display:block;color:#b3261e}
.ignored{background:#f7f7f7;color:#555;border-color:#aaa!important}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
label.check{font-weight:normal}
:focus-visible{outline:3px solid #1f5fa8;outline-offset:2px}
`

// The pages are Chinese: zh puts a message of check or of the import use
// case (English, as the commands print it) into Chinese through the
// commands' catalog. Each Handler executes its own clone of pages, whose
// csrf function (the form token, see guard.go) knows the handler's secret.
var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"csrf": func(action, scope string) (string, error) {
		return "", errors.New("review: a form token outside a handler")
	},
}).Parse(`
{{- define "head" }}<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>{{ . }} · 导入审核</title>
<link rel="stylesheet" href="/review/review.css"></head><body>
<p><a href="/review/">导入审核</a> · <a href="/">预览网站</a> · 本页只在本机（gongshi serve）提供，不属于公开网站。</p>
{{- end }}

{{- define "index" }}{{ template "head" "数据文件" }}
<h1>导入审核</h1>
<h2>数据文件</h2>
{{- with .Files }}<ul>{{ range . }}<li><a href="/review/file?path={{ . }}">{{ . }}</a></li>{{ end }}</ul>
{{- else }}<p>还没有数据文件。</p>{{ end }}
<h2>导入新通报</h2>
<form method="post" action="/review/import" enctype="multipart/form-data"><input type="hidden" name="csrf" value="{{ csrf "/review/import" "" }}">
<p><label>通报文件（纯文本、网页、.docx、PDF，不超过 8 MB）：<input type="file" name="file" required></label></p>
<p><label>地区（省/市/县/乡镇，可只填到县；已按 config.toml 的发布单位预填，乡镇从通报正文读取）：<input type="text" name="region" value="{{ .Region }}" placeholder="福建省/莆田市/仙游县/郊尾镇"></label></p>
<p><label>被巡察单位（正文没有写明时填写）：<input type="text" name="unit"></label></p>
<p><label>单位类型：<select name="unit_kind"><option value="">（从正文判断）</option><option value="township">乡镇（街道）</option><option value="village">村（社区）</option><option value="department">部门单位</option><option value="school">学校</option><option value="enterprise">企业</option><option value="region">地区汇总</option></select></label></p>
<p><label>标题（通报没有标题时填写）：<input type="text" name="title"></label></p>
<p><label>原文网址：<input type="url" name="source_url" placeholder="https://"></label></p>
<p><button>导入并审核（不会写入文件）</button></p>
</form>
</body></html>
{{- end }}

{{- define "view" }}{{ template "head" .Title }}
<h1 class="path">{{ .Title }}</h1>
{{- with .Error }}<p class="unplaced lines" role="alert">无法读成通报：{{ . }}</p>{{ if $.Token }}<p class="warn" role="note">请在下方“原文逐行”中更正：例如把每个问题的第一行改为“问题开头”，把整改情况的行改为“整改状态”；每次提交后页面按更正重新整理。</p>{{ end }}{{ end }}
{{- with .Note }}<p class="unplaced" role="alert">这项更正没有采用：{{ . }}</p>{{ end }}
{{- if .Path }}{{ if .Unmasked }}<p class="unmasked" role="status">本页显示未遮盖的原文和数据（含 [[redact]] 遮盖的文字），仅供编辑核对，请勿截图外传。<a href="/review/file?path={{ .Path }}">改回遮盖后的文字</a></p>
{{- else if .Masks }}<form method="post" action="/review/file"><input type="hidden" name="path" value="{{ .Path }}"><input type="hidden" name="csrf" value="{{ csrf "/review/file" .Path }}">
<p>本页文字已按数据文件的 [[redact]] 遮盖（共 {{ .Masks }} 处遮盖规则），与公开网站一致。<button name="unmask" value="1">显示未遮盖的原文</button></p></form>{{ end }}{{ end }}
{{- with .Notice }}
<p><strong>{{ .Title }}</strong> · 落款 {{ .Signed }} · {{ len .Findings }} 个问题</p>
{{- end }}
{{- with .Layout }}<p class="warn" role="note" id="layout-note">按 {{ .Name }} 的版式读取{{ if .Asked }}（按名称指定）{{ else }}（通报写明的发文单位与版式相同）{{ end }}：{{ with .Changes }}改动了 {{ len . }} 行：{{ range $i, $c := . }}{{ if $i }}、{{ end }}第 {{ $c.Line }} 行{{ end }}。{{ else }}没有改动任何行。{{ end }}{{ with .Statuses }}另有 {{ len . }} 个表格行的状态取自版式指定的列。{{ end }}</p>{{ end }}
{{- if .Replayed }}<p class="warn" role="note">已重放这份原文保存过的更正（共 {{ len .Edits }} 项）。</p>{{ end }}
<section aria-labelledby="problems-h"><h2 id="problems-h">校验结果</h2>
{{- with .Totals }}<p id="totals">通报称 {{ .Stated }} 个问题，读出 {{ .Read }} 个{{ if .Earlier }}（其中 {{ .Earlier }} 个只见于此前的通报）{{ end }}{{ if .Outside }}，相差过大（不在 90%–110% 之间）{{ end }}。</p>{{ end }}
{{- with .Problems }}<ul class="problems">{{ range . }}<li{{ if .Warning }} class="warn"{{ end }}>{{ if .Line }}第 {{ .Line }} 行第 {{ .Col }} 列：{{ end }}{{ if .Warning }}警告：{{ end }}{{ .Message }}</li>{{ end }}</ul>
{{- else }}{{ if not (or .Refused .Error) }}<p>没有问题。</p>{{ end }}{{ end }}
{{- with .Refused }}<p class="unplaced lines" role="alert" id="refused">不能保存：{{ . }}</p>{{ end }}
{{- with .Close }}<p class="warn" role="note">另一种读法得分接近，请核对问题是否读对：采用的读法以 {{ .Taken.Findings }} 编号的为问题（{{ .Taken.Count }} 个，得分 {{ printf "%.2f" .Taken.Score }}）；另一读法以 {{ .Other.Findings }} 编号的为问题（{{ .Other.Count }} 个，得分 {{ printf "%.2f" .Other.Score }}）。</p>{{ end }}
</section>
{{- if .Notice }}
<section aria-labelledby="stated-h"><h2 id="stated-h">通报自述数字与实际读出</h2>
{{- with .Figures }}<table><tr><th>项目</th><th>通报称</th><th>读出</th></tr>{{ range . }}<tr><td>{{ .Label }}</td><td>{{ .Stated }}</td><td>{{ .Read }}</td></tr>{{ end }}</table>
{{- else }}<p>通报自述的数字与读出的一致（或通报未说明）。</p>{{ end }}
</section>
{{- end }}
{{- $tok := .Token }}
{{- if .Token }}
{{- if .CanSave }}
<form method="post" action="/review/save" id="save"><input type="hidden" name="token" value="{{ .Token }}"><input type="hidden" name="csrf" value="{{ csrf "/review/save" .Token }}">
<p>确认无误后保存到 <code>data/{{ .Target }}</code>（原子写入{{ if .Edits }}；所作的 {{ len .Edits }} 项更正一并保存在旁边的 .edits.toml 文件中{{ end }}）。
{{- if .Exists }}<br><label class="check"><input type="checkbox" name="overwrite" value="1"> 已有同名数据文件：确认覆盖它（编辑加入的遮盖、更正记录、撤回说明会保留）</label>{{ end }}
<button>保存</button></p></form>
{{- end }}
<section aria-labelledby="fix-h"><h2 id="fix-h">更正</h2>
<p>在下面逐项更正，每次提交后页面按更正重新整理。更正会随数据文件保存，以后重新导入同一原文时会自动重放。</p>
{{- with .Fields }}
<form method="post" action="/review/edit" class="fields"><input type="hidden" name="token" value="{{ $tok }}"><input type="hidden" name="csrf" value="{{ csrf "/review/edit" $tok }}"><input type="hidden" name="op" value="fields">
{{- range . }}<p><label for="f-{{ .Name }}">{{ .Label }}</label>{{ with .Hint }} <small>{{ . }}</small>{{ end }}<input type="text" id="f-{{ .Name }}" name="{{ .Name }}" value="{{ .Value }}"{{ if .Problems }} aria-invalid="true" aria-describedby="p-{{ .Name }}"{{ end }}>
{{- if .Problems }}<span id="p-{{ .Name }}">{{ range .Problems }}<span class="field-problem">{{ . }}</span>{{ end }}</span>{{ end }}</p>{{ end }}
<p><button>更新这些字段</button></p></form>
{{- else }}<form method="post" action="/review/edit" class="fields"><input type="hidden" name="token" value="{{ $tok }}"><input type="hidden" name="csrf" value="{{ csrf "/review/edit" $tok }}"><input type="hidden" name="op" value="fields">
<p><label for="f-title">标题</label><input type="text" id="f-title" name="title"></p><p><label for="f-signed">落款日期</label><input type="text" id="f-signed" name="signed"></p><p><label for="f-region">地区（省/市/县/乡镇）</label><input type="text" id="f-region" name="region"></p>
<p><button>填写这些字段</button></p></form>{{ end }}
{{- with .Edits }}<h3>已作的更正</h3><ol class="edits">{{ range . }}<li>{{ .Text }}</li>{{ end }}</ol>
<form method="post" action="/review/edit"><input type="hidden" name="token" value="{{ $tok }}"><input type="hidden" name="csrf" value="{{ csrf "/review/edit" $tok }}"><input type="hidden" name="op" value="undo"><p><button>撤销最后一项更正</button></p></form>
{{- end }}
{{- if .CanLayout }}
<h3>保存为版式</h3>
<form method="post" action="/review/layout" id="layout"><input type="hidden" name="token" value="{{ $tok }}"><input type="hidden" name="csrf" value="{{ csrf "/review/layout" $tok }}">
<p>把描述版式的更正（如“以‘问题N：’开头的行是问题开头”）保存为 {{ .Issuer }} 的版式，以后导入该单位的通报时自动按此版式读取。</p>
<p><label for="layout-name">版式名称（汉字、字母、数字）</label><input type="text" id="layout-name" name="name" required></p>
<p><label class="check"><input type="checkbox" name="overwrite" value="1"> 已有同名版式时覆盖</label> <button>保存版式</button></p></form>
{{- end }}
</section>
{{- end }}
<div class="cols">
<section aria-labelledby="src-h"><h2 id="src-h">原文逐行（<span id="unplaced-count">{{ .Unplaced }}</span> 行未归位）</h2>
<p class="legend"><span class="finding">问题</span><span class="status">整改状态</span><span class="measure">整改措施</span><span class="heading">标题</span><span class="chrome">网页附属内容</span><span class="unplaced">未归位</span><span class="ignored">已忽略</span></p>
{{- if .Lines }}
<ol class="src">{{ range .Lines }}{{ if ne .Kind "blank" }}<li class="{{ .Kind }}" data-line="{{ .No }}"{{ if ne .Role "part" }} id="line-{{ .No }}"{{ end }}><span class="no">{{ .No }}</span><span class="k">{{ .Label }}{{ if .Forced }}（已更正）{{ end }}</span><span class="t">{{ .Text }}</span>
{{- if and $tok (ne .Role "part") }}<form method="post" action="/review/edit" class="fix"><input type="hidden" name="token" value="{{ $tok }}"><input type="hidden" name="csrf" value="{{ csrf "/review/edit" $tok }}"><input type="hidden" name="op" value="role"><input type="hidden" name="line" value="{{ .No }}">
<label><span class="vh">第 {{ .No }} 行是</span><select name="role"><option value="">（改为…）</option>{{ $r := .Role }}{{ range $.Roles }}<option value="{{ .Value }}"{{ if eq .Value $r }} selected{{ end }}>{{ .Label }}</option>{{ end }}</select></label> <button>改第 {{ .No }} 行</button></form>{{ end }}</li>{{ end }}{{ end }}</ol>
{{- else }}<p>数据文件没有指明原文（original），或原文无法读取。</p>{{ end }}
</section>
<section aria-labelledby="n-h"><h2 id="n-h">整理结果</h2>
{{- if .Findings }}
<ol class="findings">{{ range $i, $f := .Findings }}<li value="{{ .Number }}" id="finding-{{ .Number }}"><strong>{{ with .Label }}{{ . }} {{ end }}{{ .Title }}</strong> <span class="status">{{ .StatusLabel }}</span>{{ with .StatusText }}（{{ . }}）{{ end }}{{ if .Line }} <small>第 {{ .Line }} 行起</small>{{ end }}
{{- range .Problems }}<span class="field-problem">{{ . }}</span>{{ end }}
{{- if and $tok .Line }}<form method="post" action="/review/edit" class="fix"><input type="hidden" name="token" value="{{ $tok }}"><input type="hidden" name="csrf" value="{{ csrf "/review/edit" $tok }}"><input type="hidden" name="op" value="status"><input type="hidden" name="line" value="{{ .Line }}">
<label><span class="vh">问题 {{ .Number }} 的状态</span><select name="status">{{ $s := .Status }}{{ range $.Statuses }}<option value="{{ .Value }}"{{ if eq .Value $s }} selected{{ end }}>{{ .Label }}</option>{{ end }}</select></label> <button>改问题 {{ .Number }} 的状态</button></form>
{{- if $i }}<form method="post" action="/review/edit" class="fix"><input type="hidden" name="token" value="{{ $tok }}"><input type="hidden" name="csrf" value="{{ csrf "/review/edit" $tok }}"><input type="hidden" name="op" value="merge"><input type="hidden" name="line" value="{{ .Line }}"><button>把问题 {{ .Number }} 并入上一个问题</button></form>{{ end }}{{ end }}</li>{{ end }}</ol>
{{- else }}{{ with .Notice }}
<ol class="findings">{{ range .Findings }}<li value="{{ .Number }}"><strong>{{ .Title }}</strong> <span class="status">{{ .Status.Label }}</span>{{ with .StatusText }}（{{ . }}）{{ end }}</li>{{ end }}</ol>{{ end }}{{ end }}
{{- with .Notice }}{{ with .Unplaced }}<h3>未归位的行</h3><ul>{{ range . }}<li>第 {{ .Line }} 行：{{ .Text }}</li>{{ end }}</ul>{{ end }}{{ end }}
</section>
</div>
</body></html>
{{- end }}

{{- define "layout" }}{{ template "head" "保存版式" }}
{{- if .Error }}<h1>没有保存版式</h1><p class="unplaced lines" role="alert">{{ .Error }}</p><p>请返回上一页修改后再试。</p>
{{- else }}<h1 class="path">已保存版式 {{ .Name }}</h1><p>已写入 <code>data/{{ .Path }}</code>。以后导入 {{ .Issuer }} 的通报时，会按此版式读取，导入页面会写明“按 {{ .Name }} 的版式读取”和改动了哪些行。规则：</p>
<ul>{{ range .Rules }}<li>以“{{ .Starts }}”开头的行（N 代表任意编号）：{{ .Role }}</li>{{ end }}</ul>
<pre class="lines">{{ .Text }}</pre>{{ end }}
</body></html>
{{- end }}

{{- define "saved" }}{{ template "head" "保存" }}
{{- if .Error }}<h1>没有保存</h1><p class="unplaced lines" role="alert" id="refused">{{ .Error }}</p>
{{- if .Exists }}<p>已有同名数据文件。如确要用这次导入替换它，请返回上一页，勾选“确认覆盖”后再保存。</p>{{ end }}
{{- with .Problems }}<ul class="problems">{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{- else }}<h1>已保存</h1><p>已写入 <code>data/{{ .Path }}</code>{{ with .Edits }}，所作的 {{ $.Count }} 项更正保存在旁边的 <code>{{ . }}</code>{{ end }}。网站将自动重新生成；请运行 <code>gongshi check</code> 并在预览中核对。</p>{{ end }}
<p><a href="/review/file?path={{ .Path }}">审核此文件</a></p>
</body></html>
{{- end }}
`))
