# A container image of gongshi for servers (issue 24). It holds the binary
# and the project (config.toml, content/, layouts/, static/, the bundled
# data/ and seeds/): no shell, no package manager (distroless, non-root).
#
#   docker build -t gongshi --build-arg VERSION=v1.2.0 --build-arg COMMIT=$(git rev-parse HEAD) .
#   # build the site from the commission's data into ./out/site:
#   docker run --rm -v "$PWD/data:/gongshi/data:ro" -v "$PWD/seeds:/gongshi/seeds:ro" \
#     -v "$PWD/out:/out" gongshi build --out /out/site
#   # preview on the machine (serve is a preview, never a public server):
#   docker run --rm -p 127.0.0.1:1313:1313 gongshi serve --addr 0.0.0.0:1313
#
# The build's cache is kept beside the site folder (/out/.gongshi-cache), so
# /out must be a writable volume. The image's binary is built as
# scripts/release.sh builds it (reproducible: -trimpath, -buildid=, CGO off).
# Not built on the machine this was written on (no Docker engine there): the
# same commands are what release.sh runs and was tested with.

FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=devel
ARG COMMIT=unknown
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags "-s -w -buildid= -X github.com/gongshi/gongshi/internal/buildinfo.version=${VERSION} -X github.com/gongshi/gongshi/internal/buildinfo.commit=${COMMIT}" \
      -o /out/gongshi ./cmd/gongshi \
 && mkdir -p /out/project \
 && cp -r config.toml content layouts static data seeds /out/project/ \
 && mkdir -p /out/site

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build --chown=65532:65532 /out/project /gongshi
COPY --from=build /out/gongshi /usr/local/bin/gongshi
COPY --from=build --chown=65532:65532 /out/site /out
WORKDIR /gongshi
ENV LANG=zh_CN.UTF-8
EXPOSE 1313
ENTRYPOINT ["/usr/local/bin/gongshi"]
CMD ["build", "--out", "/out/site"]
