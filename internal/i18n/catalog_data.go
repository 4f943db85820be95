package i18n

// The data files' messages (the status rule), serve's preview folder and
// errors' kinds. They go first: each is more specific than an entry of
// catalog.go that would match it too (%s %q is not one of %s; "  %s").
func init() {
	Catalog = append([]Entry{
		{"%s %q is not one of %s, nor status words as notices write them (%s …)", "%s %q 不是以下之一：%s，也不是通报中表示整改状态的用语（%s …）"},
		{"the preview's site `folder` (default ROOT/.gongshi/preview: never gongshi build's)", "预览网站的`文件夹`（默认 ROOT/.gongshi/preview，不是 gongshi build 生成的网站文件夹）"},
		{"%s %d is repeated: %s has number %d too", "%s %d 重复：%s 的编号也是 %d"},
	}, Catalog...)
}
