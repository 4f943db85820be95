// Package importcmd is `gongshi import`.
package importcmd

import (
	"context"
	"errors"

	"github.com/gongshi/gongshi/internal/cli"
)

// Run runs `gongshi import` with args (without the command name).
func Run(ctx context.Context, io cli.IO, args []string) error {
	return errors.New("import: not built yet")
}
