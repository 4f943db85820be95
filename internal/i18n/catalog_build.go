package i18n

// The build's log lines (internal/site's stages, internal/search's build
// side) added by issue 23.
func init() {
	Catalog = append(Catalog, []Entry{
		{"%-9s %d of %d units analysed, in %d of %d county groups (%s), placed (%s)", "%-9s 分析了 %d 个单位（共 %d 个），在 %d 个县的分组中（共 %d 个）（%s），放置（%s）"},
	}...)
}
