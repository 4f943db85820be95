package importer

import (
	"errors"
	"github.com/gongshi/gongshi/internal/i18n"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/mozillazg/go-pinyin"

	"github.com/gongshi/gongshi/internal/notice"
)

// Publisher is the publishing commission's defaults, the [params.publisher]
// table of the site's config.toml.
type Publisher struct {
	Name     string `toml:"name"`
	Province string `toml:"province"`
	City     string `toml:"city"`
	County   string `toml:"county"`
}

// LoadPublisher reads [params.publisher] from a config file. A missing file
// is no defaults (nil, nil); other keys and tables of the file are ignored.
func LoadPublisher(path string) (*Publisher, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var cfg struct {
		Params struct {
			Publisher Publisher `toml:"publisher"`
		} `toml:"params"`
	}
	if _, err := toml.Decode(string(b), &cfg); err != nil {
		return nil, i18n.Errorf("%s: %w", path, err)
	}
	return &cfg.Params.Publisher, nil
}

// RegionPart is one level of the region with where it came from.
type RegionPart struct {
	Level    string // province, city, county, township
	Name     string
	Slug     string
	From     string // "flag", "text (source, line 2)", "config (config.toml)"
	SlugFrom string // "pinyin" or "flag"
	// Src is From, printed in the reader's language.
	Src *i18n.Error
}

// LevelName is a region level (province, city, county, township),
// printed in the reader's language.
func LevelName(level string) *i18n.Error {
	switch level {
	case "province":
		return i18n.Msg("province")
	case "city":
		return i18n.Msg("city")
	case "county":
		return i18n.Msg("county")
	case "township":
		return i18n.Msg("township")
	}
	return i18n.Msg("%s", level)
}

// SlugFromName is a RegionPart's SlugFrom, printed in the reader's
// language.
func SlugFromName(from string) *i18n.Error {
	switch from {
	case "pinyin":
		return i18n.Msg("pinyin")
	case "flag":
		return i18n.Msg("flag")
	}
	return i18n.Msg("%s", from)
}

// RoleName is the name of a part of the notice that a value was read
// from (title, meta, preamble, source, issuer, signature) or of the
// command line (flags), printed in the reader's language.
func RoleName(role string) *i18n.Error {
	switch role {
	case "title":
		return i18n.Msg("title")
	case "meta":
		return i18n.Msg("meta")
	case "preamble":
		return i18n.Msg("preamble")
	case "source":
		return i18n.Msg("source")
	case "issuer":
		return i18n.Msg("issuer")
	case "signature":
		return i18n.Msg("signature")
	case "flags":
		return i18n.Msg("flags")
	}
	return i18n.Msg("%s", role)
}

// RegionInput is everything that can name the region.
type RegionInput struct {
	Flag       string // --region 福建省/莆田市/仙游县/郊尾镇 (parts may be empty)
	Slugs      string // --slugs fujian/putian/xianyou/jiaowei (parts may be empty)
	Text       TextRegion
	Config     *Publisher
	ConfigPath string
	// Township says whether the region must go down to a township: for a
	// township's or a village's notice. A county department's region stops
	// at the county, and a city department's may stop at the city.
	Township bool
	// Depth, when not 0, is how many levels the region has at least
	// (3: down to the county). 0 means 4 with Township, 3 without.
	Depth int
}

var levels = []string{"province", "city", "county", "township"}

func splitPath(s string, what string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return make([]string, 4), nil
	}
	parts := strings.Split(s, "/")
	if len(parts) > 4 {
		return nil, i18n.Errorf("%s %q has %d parts; give at most 4: province/city/county/township", what, s, len(parts))
	}
	for len(parts) < 4 {
		parts = append(parts, "")
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts, nil
}

var reSlug = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ResolveRegion puts the region together: each level from --region if given,
// else from the notice's text, else from config.toml; slugs from --slugs or
// from pinyin. It returns the parts with their sources, warnings (the flag
// and the text disagree), and an error naming every level nobody gave.
func ResolveRegion(in RegionInput) (notice.Region, []RegionPart, []*i18n.Error, error) {
	flag, err := splitPath(in.Flag, "--region")
	if err != nil {
		return notice.Region{}, nil, nil, err
	}
	slugs, err := splitPath(in.Slugs, "--slugs")
	if err != nil {
		return notice.Region{}, nil, nil, err
	}
	text := []string{"", "", in.Text.County, in.Text.Township}
	textSrc := []*i18n.Error{nil, nil, i18n.Msg("text (%s, line %d)", RoleName(in.Text.CountyFrom), in.Text.CountyLine),
		i18n.Msg("text (%s, line %d)", RoleName(in.Text.TownshipFrom), in.Text.TownshipLine)}
	textFrom := make([]string, len(textSrc))
	for i, m := range textSrc {
		if m != nil {
			textFrom[i] = m.Error()
		}
	}
	cfg := make([]string, 4)
	if in.Config != nil {
		cfg = []string{in.Config.Province, in.Config.City, in.Config.County, ""}
	}
	var parts []RegionPart
	var warns []*i18n.Error
	var missing []string
	for i, lv := range levels {
		p := RegionPart{Level: lv}
		switch {
		case flag[i] != "":
			p.Name, p.Src = flag[i], i18n.Msg("flag")
			if text[i] != "" {
				if text[i] == flag[i] {
					p.Src = i18n.Msg("flag, %s agrees", textSrc[i])
				} else {
					warns = append(warns, i18n.Msg("%s: --region says %s but the %s says %s; using %s", LevelName(lv), flag[i], textSrc[i], text[i], flag[i]))
				}
			}
		case text[i] != "":
			p.Name, p.Src = text[i], textSrc[i]
		case cfg[i] != "":
			p.Name, p.Src = cfg[i], i18n.Msg("config (%s [params.publisher])", in.ConfigPath)
		case i >= in.depth():
			// not needed for this unit
		default:
			missing = append(missing, lv)
		}
		if p.Src != nil {
			p.From = p.Src.Error()
		}
		if p.Name != "" {
			if slugs[i] != "" {
				if !reSlug.MatchString(slugs[i]) {
					return notice.Region{}, nil, nil, i18n.Errorf("--slugs: %q is not a slug (a-z, 0-9, -)", slugs[i])
				}
				p.Slug, p.SlugFrom = slugs[i], "flag"
			} else if s := Slug(p.Name); s != "" {
				p.Slug, p.SlugFrom = s, "pinyin"
			} else {
				return notice.Region{}, nil, nil, i18n.Errorf("cannot make a slug for %s %q: give --slugs", LevelName(lv), p.Name)
			}
		}
		parts = append(parts, p)
	}
	r := notice.Region{
		Province: parts[0].Name, ProvinceSlug: parts[0].Slug,
		City: parts[1].Name, CitySlug: parts[1].Slug,
		County: parts[2].Name, CountySlug: parts[2].Slug,
		Township: parts[3].Name, TownshipSlug: parts[3].Slug,
	}
	if len(missing) > 0 {
		names := make([]any, len(missing))
		for i, lv := range missing {
			names[i] = LevelName(lv)
		}
		if len(missing) == 1 {
			return r, parts, warns, i18n.Errorf("the region's %s is not known: give --region 省/市/县/镇 (e.g. --region 福建省/莆田市/仙游县/郊尾镇) or set [params.publisher] province, city, county in config.toml", names[0])
		}
		return r, parts, warns, i18n.Errorf("the region's %s are not known: give --region 省/市/县/镇 (e.g. --region 福建省/莆田市/仙游县/郊尾镇) or set [params.publisher] province, city, county in config.toml", i18n.Join(names...))
	}
	for i := 1; i < len(parts); i++ {
		if parts[i].Name != "" && parts[i-1].Name == "" {
			return r, parts, warns, i18n.Errorf("the region's %s is given but its %s is not: give --region 省/市/县/镇 from the province down", LevelName(parts[i].Level), LevelName(parts[i-1].Level))
		}
	}
	return r, parts, warns, nil
}

func (in RegionInput) depth() int {
	switch {
	case in.Depth > 0:
		return in.Depth
	case in.Township:
		return 4
	}
	return 3
}

// regionSuffixes are dropped before making a slug, longest first.
var regionSuffixes = []string{"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "街道办事处", "街道", "省", "市", "县", "区", "镇", "乡", "旗"}

// Slug is the stable ASCII path segment of a region name: the pinyin of the
// name without its administrative suffix (福建省 → fujian, 郊尾镇 → jiaowei).
// Names without Chinese characters are lower-cased, keeping a-z, 0-9 and -.
func Slug(name string) string {
	base := strings.TrimSpace(name)
	for _, suf := range regionSuffixes {
		if strings.HasSuffix(base, suf) && len(base) > len(suf) {
			base = strings.TrimSuffix(base, suf)
			break
		}
	}
	var b strings.Builder
	args := pinyin.NewArgs()
	for _, r := range base {
		switch {
		case unicode.Is(unicode.Han, r):
			if py := pinyin.LazyPinyin(string(r), args); len(py) > 0 {
				b.WriteString(py[0])
			}
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
		case r == '-' || r == ' ' || r == '_':
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}
