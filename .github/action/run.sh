#!/usr/bin/env bash
# The BriefGen action's steps (action.yml runs this), kept in a script so they can be run and
# tested outside GitHub. Inputs come as environment variables:
#   BRIEFGEN_VERSION   a BriefGen version on NuGet; empty: pack the tool from the action's own source
#   BRIEFGEN_ROOT      the brief's folder (default .)
#   BRIEFGEN_STRICT    true (default) or false: whether warnings fail the build
#   BRIEFGEN_BASE_URL  the site's path; empty: GitHub Pages' /REPOSITORY/ (/ for OWNER.github.io)
#   BRIEFGEN_PACKAGE_SOURCE  optional: another NuGet source (a folder or feed) to install from
# and from GitHub: GITHUB_ACTION_PATH, GITHUB_REPOSITORY, RUNNER_TEMP, GITHUB_OUTPUT.
set -euo pipefail

version="${BRIEFGEN_VERSION:-}"
root="${BRIEFGEN_ROOT:-.}"
strict="${BRIEFGEN_STRICT:-true}"
base_url="${BRIEFGEN_BASE_URL:-}"
action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}"
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/briefgen-action"
tools="$work/tool"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

case "$strict" in
  true|false) ;;
  *) echo "::error title=BriefGen action::strict must be true or false, not '$strict'"; exit 2 ;;
esac

# Pages serves a project site at /REPOSITORY/ and a user or organization site (OWNER.github.io) at /.
if [ -z "$base_url" ]; then
  repo="${GITHUB_REPOSITORY:-}"
  name="${repo#*/}"
  if [ -z "$repo" ]; then
    base_url=/
  else
    lower="$(printf '%s' "$name" | tr '[:upper:]' '[:lower:]')"
    owner="$(printf '%s' "${repo%%/*}" | tr '[:upper:]' '[:lower:]')"
    if [ "$lower" = "$owner.github.io" ]; then base_url=/; else base_url="/$name/"; fi
  fi
fi

rm -rf "$tools"
mkdir -p "$work"
sources=()
[ -z "${BRIEFGEN_PACKAGE_SOURCE:-}" ] || sources=(--add-source "$BRIEFGEN_PACKAGE_SOURCE")
if [ -n "$version" ]; then
  echo "Installing BriefGen $version"
  dotnet tool install --tool-path "$tools" BriefGen --version "$version" ${sources[@]+"${sources[@]}"}
else
  # No version: the tool at the action's own ref, packed from its source and installed from that
  # folder only, by its exact version, so no package of the same name elsewhere can stand in.
  packages="$work/packages"
  rm -rf "$packages"
  echo "Packing BriefGen from $action_path"
  dotnet pack "$action_path/src/BriefGen" -c Release -o "$packages" --nologo -v quiet
  nupkg="$(cd "$packages" && ls BriefGen.*.nupkg | head -n 1)"
  local_version="${nupkg#BriefGen.}"
  local_version="${local_version%.nupkg}"
  # A packages folder of its own: a cached package of the same version must not stand in for this one.
  NUGET_PACKAGES="$work/nuget-packages" dotnet tool install --tool-path "$tools" BriefGen --version "$local_version" --add-source "$packages"
fi

args=(build --root "$root" --base-url "$base_url")
[ "$strict" = false ] || args+=(--strict)
echo "briefgen ${args[*]}"
status=0
GITHUB_ACTIONS=true "$tools/briefgen" "${args[@]}" || status=$?

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "site=$root/_site" >> "$GITHUB_OUTPUT"
  echo "base-url=$base_url" >> "$GITHUB_OUTPUT"
fi
exit $status
