package review

import (
	"errors"
	"html/template"

	"github.com/gongshi/gongshi/internal/i18n"
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
`

// The pages are Chinese: zh puts a message of check or of the import use
// case (English, as the commands print it) into Chinese through the
// commands' catalog. Each Handler executes its own clone of pages, whose
// csrf function (the form token, see guard.go) knows the handler's secret.
var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"zh": i18n.Translate,
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
<p><label>地区（省/市/县/乡镇，可只填到县；不填则从通报正文和 config.toml 中读取）：<input type="text" name="region" placeholder="福建省/莆田市/仙游县/郊尾镇"></label></p>
<p><label>被巡察单位（正文没有写明时填写）：<input type="text" name="unit"></label></p>
<p><label>单位类型：<select name="unit_kind"><option value="">（从正文判断）</option><option value="township">乡镇（街道）</option><option value="village">村（社区）</option><option value="department">部门单位</option><option value="school">学校</option><option value="enterprise">企业</option><option value="region">地区汇总</option></select></label></p>
<p><label>标题（通报没有标题时填写）：<input type="text" name="title"></label></p>
<p><label>原文网址：<input type="url" name="source_url" placeholder="https://"></label></p>
<p><button>导入并审核（不会写入文件）</button></p>
</form>
</body></html>
{{- end }}

{{- define "view" }}{{ template "head" .Title }}
<h1>{{ .Title }}</h1>
{{- with .Error }}<p class="unplaced" role="alert">无法导入：{{ . }}</p>{{ end }}
{{- if .Path }}{{ if .Unmasked }}<p class="unmasked" role="status">本页显示未遮盖的原文和数据（含 [[redact]] 遮盖的文字），仅供编辑核对，请勿截图外传。<a href="/review/file?path={{ .Path }}">改回遮盖后的文字</a></p>
{{- else if .Masks }}<form method="post" action="/review/file"><input type="hidden" name="path" value="{{ .Path }}"><input type="hidden" name="csrf" value="{{ csrf "/review/file" .Path }}">
<p>本页文字已按数据文件的 [[redact]] 遮盖（共 {{ .Masks }} 处遮盖规则），与公开网站一致。<button name="unmask" value="1">显示未遮盖的原文</button></p></form>{{ end }}{{ end }}
{{- with .Notice }}
<p><strong>{{ .Title }}</strong> · 落款 {{ .Signed }} · {{ len .Findings }} 个问题</p>
{{- end }}
<section aria-labelledby="problems-h"><h2 id="problems-h">校验结果</h2>
{{- with .Problems }}<ul class="problems">{{ range . }}<li{{ if .Warning }} class="warn"{{ end }}>{{ if .Line }}第 {{ .Line }} 行第 {{ .Col }} 列：{{ end }}{{ if .Warning }}警告：{{ end }}{{ zh .Message }}</li>{{ end }}</ul>
{{- else }}<p>没有问题。</p>{{ end }}
{{- with .Refused }}<p class="unplaced lines" role="alert">不能保存：{{ . }}</p>{{ end }}
{{- with .Close }}<p class="warn" role="note">另一种读法得分接近，请核对问题是否读对：采用的读法以 {{ .Taken.Findings }} 编号的为问题（{{ .Taken.Count }} 个，得分 {{ printf "%.2f" .Taken.Score }}）；另一读法以 {{ .Other.Findings }} 编号的为问题（{{ .Other.Count }} 个，得分 {{ printf "%.2f" .Other.Score }}）。</p>{{ end }}
</section>
{{- if .Notice }}
<section aria-labelledby="stated-h"><h2 id="stated-h">通报自述数字与实际读出</h2>
{{- with .Figures }}<table><tr><th>项目</th><th>通报称</th><th>读出</th></tr>{{ range . }}<tr><td>{{ .What }}</td><td>{{ .Stated }}</td><td>{{ .Read }}</td></tr>{{ end }}</table>
{{- else }}<p>通报自述的数字与读出的一致（或通报未说明）。</p>{{ end }}
</section>
{{- end }}
{{- if .Token }}
<form method="post" action="/review/save"><input type="hidden" name="token" value="{{ .Token }}"><input type="hidden" name="csrf" value="{{ csrf "/review/save" .Token }}">
<p>确认无误后保存到 <code>data/{{ .Target }}</code>（原子写入；已有同名文件时不会覆盖）：<button>保存</button></p></form>
{{- end }}
<div class="cols">
<section aria-labelledby="src-h"><h2 id="src-h">原文逐行（<span id="unplaced-count">{{ .Unplaced }}</span> 行未归位）</h2>
<p class="legend"><span class="finding">问题</span><span class="status">整改状态</span><span class="measure">整改措施</span><span class="heading">标题</span><span class="chrome">网页附属内容</span><span class="unplaced">未归位</span></p>
{{- if .Lines }}
<ol class="src">{{ range .Lines }}{{ if ne .Kind "blank" }}<li class="{{ .Kind }}" data-line="{{ .No }}"><span class="no">{{ .No }}</span><span class="k">{{ .Label }}</span><span>{{ .Text }}</span></li>{{ end }}{{ end }}</ol>
{{- else }}<p>数据文件没有指明原文（original），或原文无法读取。</p>{{ end }}
</section>
<section aria-labelledby="n-h"><h2 id="n-h">整理结果</h2>
{{- with .Notice }}
<ol class="findings">{{ range .Findings }}<li value="{{ .Number }}"><strong>{{ .Title }}</strong> <span class="status">{{ .Status.Label }}</span>{{ with .StatusText }}（{{ . }}）{{ end }}</li>{{ end }}</ol>
{{- with .Unplaced }}<h3>未归位的行</h3><ul>{{ range . }}<li>第 {{ .Line }} 行：{{ .Text }}</li>{{ end }}</ul>{{ end }}
{{- end }}
</section>
</div>
</body></html>
{{- end }}

{{- define "saved" }}{{ template "head" "保存" }}
{{- if .Error }}<h1>没有保存</h1><p class="unplaced" role="alert" style="white-space:pre-line">{{ .Error }}</p>
{{- with .Problems }}<ul class="problems">{{ range . }}<li>{{ if .Line }}第 {{ .Line }} 行第 {{ .Col }} 列：{{ end }}{{ zh .Message }}</li>{{ end }}</ul>{{ end }}
{{- else }}<h1>已保存</h1><p>已写入 <code>data/{{ .Path }}</code>。网站将自动重新生成；请运行 <code>gongshi check</code> 并在预览中核对。</p>{{ end }}
<p><a href="/review/file?path={{ .Path }}">审核此文件</a></p>
</body></html>
{{- end }}
`))
