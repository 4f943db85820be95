package i18n

// The data files' messages (the status rule, errors' kinds).
func init() {
	Catalog = append(Catalog, []Entry{
		{"%s %q is not one of %s, nor status words as notices write them (%s …)", "%s %q 不是以下之一：%s，也不是通报中表示整改状态的用语（%s …）"},
	}...)
}
