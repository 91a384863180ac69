#!/usr/bin/env bash
# Class-data sharing (AppCDS) for an app image, so that a command starts in a fraction of the time: the JVM maps the
# classes Ponder's commands load from one archive instead of reading, verifying and linking them from the jar each
# time (docs/benchmarks.md, "Start-up").
#   class-data.sh list IMAGE WORK   runs the commands a researcher runs most (--version, import, stats, info, search)
#                                   on the image's own runtime, in a Ponder folder under WORK, and keeps the classes
#                                   they load in the image as ponder.classlist;
#   class-data.sh dump IMAGE        writes the image's archive, ponder.jsa, from that list.
# The archive holds the jar's absolute path and is valid only there (the launcher passes
# -XX:SharedArchiveFile=$APPDIR/ponder.jsa; where it is missing or does not match, the JVM starts without it,
# silently). So the .deb ships the list, not the archive, and its postinst dumps the archive where it installed.
set -euo pipefail
mode="$1"
image="$(cd "$2" && pwd -P)"
if [ -d "$image/Contents" ]; then # macOS: Ponder.app
    app="$image/Contents/app"; java="$image/Contents/runtime/Contents/Home/bin/java"
else
    app="$image/lib/app"; java="$image/lib/runtime/bin/java"
fi
[ -x "$java" ] || { echo "class-data: no runtime at $java"; exit 1; }

case "$mode" in
    list)
        work="$3"
        rm -rf "$work" && mkdir -p "$work/home"
        export PONDER_HOME="$work/home"
        sample="$(cd "$(dirname "$0")/.." && pwd)/sample-runs/tiny-arith-best-of-4.jsonl"
        run() {
            local name="$1"; shift
            "$java" -XX:DumpLoadedClassList="$work/$name.classlist" -Dfile.encoding=UTF-8 -cp "$app/ponder.jar" \
                dev.ponder.Main "$@" >"$work/$name.out" 2>&1 \
                || { echo "class-data: ponder $* failed:"; cat "$work/$name.out"; exit 1; }
        }
        run version --version
        run import import "$sample" --workspace "$work/w.ponder"
        run stats stats 1 --workspace "$work/w.ponder"
        run info info --workspace "$work/w.ponder"
        run search search answer --workspace "$work/w.ponder"
        # the lists in the order the classes were loaded, each class once
        cat "$work"/version.classlist "$work"/import.classlist "$work"/stats.classlist "$work"/info.classlist \
            "$work"/search.classlist | awk '!seen[$0]++' >"$app/ponder.classlist"
        echo "class-data: $(grep -cv '^#' "$app/ponder.classlist") classes listed in $app/ponder.classlist"
        ;;
    dump)
        log="$(mktemp "$image/class-data.XXXXXX")"
        trap 'rm -f "$log"' EXIT
        "$java" -Xshare:dump -XX:SharedClassListFile="$app/ponder.classlist" -XX:SharedArchiveFile="$app/ponder.jsa" \
            -cp "$app/ponder.jar" >"$log" 2>&1 || { echo "class-data: the archive was not written:"; cat "$log"; exit 1; }
        echo "class-data: $app/ponder.jsa ($(du -h "$app/ponder.jsa" | cut -f1))"
        ;;
    *)
        echo "usage: class-data.sh list IMAGE WORK | dump IMAGE"; exit 2
        ;;
esac
