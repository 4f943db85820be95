// Package buildcmd is `gongshi build`.
package buildcmd

import (
	"context"
	"errors"

	"github.com/gongshi/gongshi/internal/cli"
)

// Run runs `gongshi build` with args (without the command name).
func Run(ctx context.Context, io cli.IO, args []string) error {
	return errors.New("build: not built yet")
}
