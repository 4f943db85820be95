// Package servecmd is `gongshi serve`.
package servecmd

import (
	"context"
	"errors"

	"github.com/gongshi/gongshi/internal/cli"
)

// Run runs `gongshi serve` with args (without the command name).
func Run(ctx context.Context, io cli.IO, args []string) error {
	return errors.New("serve: not built yet")
}
