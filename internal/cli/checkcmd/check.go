// Package checkcmd is `gongshi check`.
package checkcmd

import (
	"context"
	"errors"

	"github.com/gongshi/gongshi/internal/cli"
)

// Run runs `gongshi check` with args (without the command name).
func Run(ctx context.Context, io cli.IO, args []string) error {
	return errors.New("check: not built yet")
}
