# PagingServer build. `make run` and `make test` do every set-up step themselves.
#
# TFM and RID pick the target framework and the runtime of the NativeAOT binary. net9.0 and
# linux-x64 are the ones whose NativeAOT packs the build machines can restore; on a machine
# that has the packs, `make publish TFM=net10.0 RID=linux-arm64` builds for the device.
TFM ?= net9.0
RID ?= linux-x64
CONFIGURATION ?= Release
DOTNET ?= dotnet
PUBLISH_DIR ?= artifacts/publish
BINARY := $(PUBLISH_DIR)/paging

PROPS := -p:PagingTargetFramework=$(TFM) -nologo
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: all setup deps restore build test unit-test publish run clean example-conf bench callgen image image-deps image-test

all: build

## setup: install the Debian packages (native libraries, jackd, mpd, SIP peers) and restore NuGet
setup: deps restore

deps:
	scripts/install-debian-deps

restore:
	$(DOTNET) restore PagingServer.sln $(PROPS)

## build: compile every project; warnings (trim and AOT analyzers included) are errors
build: restore
	$(DOTNET) build PagingServer.sln -c $(CONFIGURATION) --no-restore $(PROPS)

## publish: the trimmed NativeAOT binary $(BINARY)
publish: restore
	$(DOTNET) publish src/PagingServer/PagingServer.csproj -c Release -r $(RID) $(PROPS) -o $(PUBLISH_DIR)
	@mkdir -p artifacts/symbols && mv -f $(PUBLISH_DIR)/*.dbg artifacts/symbols/ 2>/dev/null || true
	@echo "published $(BINARY): $$(stat -c %s $(BINARY)) bytes ($$(du -h $(BINARY) | cut -f1)), $(TFM) $(RID)"

## test: every test, the published binary's included
test: setup publish
	# -m:1: one test assembly at a time, so timing-sensitive JACK tests do not share the
	# two cores with codec conversions and SIP peers.
	PAGING_BINARY=$(abspath $(BINARY)) scripts/run-tests $(DOTNET) test PagingServer.sln -c $(CONFIGURATION) -m:1 $(PROPS)

## unit-test: the tests without set-up or publish (quick edit-compile-test loop)
unit-test:
	$(DOTNET) test PagingServer.sln -c $(CONFIGURATION) $(PROPS)

## run: the server on a JACK dummy server, listen-only SIP on 127.0.0.1
run: setup publish
	scripts/run-demo $(BINARY)

## bench: measure the published binary; writes bench/results.md and bench/results.json
bench: setup publish
	$(DOTNET) run --project bench/PagingServer.Bench -c Release -p:PagingTargetFramework=$(TFM) -- $(BINARY) bench

## callgen: place test pages against a running pager, e.g.
##   make callgen TARGET=pager@192.168.1.50:5060 CALLGEN_ARGS="-n 100 -c 4 --proxy 192.168.1.1"
TARGET ?= 127.0.0.1:5060
CALLGEN_ARGS ?=
callgen:
	scripts/callgen $(CALLGEN_ARGS) $(TARGET)

## image: the appliance disk image built from Debian packages (artifacts/image/, see image/README.md);
## not part of `make test`: it takes minutes
image: image-deps publish
	image/build-image

## image-test: boot the image in qemu and check it end to end (run `make image` first)
image-test: image-deps
	image/test-image

image-deps:
	scripts/install-debian-deps --image

## example-conf: regenerate paging.example.conf from the options catalog
example-conf: publish
	$(BINARY) --dump-conf-defaults > paging.example.conf

clean:
	rm -rf artifacts
	find src tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
