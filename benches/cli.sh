#!/usr/bin/env bash
# Figures of the batch CLI, measured in one run on this machine (figures, not tests):
#   1. files/s with --jobs 1 and with every core, on a folder of N copies of the fixtures;
#   2. peak memory (max RSS) against the input size on one large document, two shapes:
#      "corpus" (documents one after another: one document then noise) and "items" (one
#      document of SIZE bytes of numbered items citing documents and dates);
#   3. bytes of JSON per input byte: on the corpus (../shared, or the fixtures) and on
#      two million one-line items ("1. x\n").
# Usage: bash benches/cli.sh            (SIZE=200M by default)
#        SIZE=1G COPIES=100 bash benches/cli.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-200M}
COPIES=${COPIES:-200}
cargo build --release -q -p vanban-cli
BIN=${CARGO_TARGET_DIR:-target}/release/vanban
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

bytes_of() { python3 -c "import sys; u={'K':1<<10,'M':1<<20,'G':1<<30}; s=sys.argv[1]; print(int(float(s[:-1])*u[s[-1]]) if s[-1] in u else int(s))" "$1"; }
N=$(bytes_of "$SIZE")

echo "== files/s (${COPIES} copies of tests/fixtures, $(nproc) cores)"
mkdir -p "$WORK/many"
for k in $(seq 1 "$COPIES"); do
  for f in tests/fixtures/*; do cp "$f" "$WORK/many/${k}_$(basename "$f")"; done
done
files=$(ls "$WORK/many" | wc -l)
for turn in 1 2 3; do
  for jobs in 1 all; do
    flag=(); [ "$jobs" = 1 ] && flag=(--jobs 1)
    t0=$(date +%s.%N)
    "$BIN" parse --json --quiet "${flag[@]}" "$WORK/many" > /dev/null
    t1=$(date +%s.%N)
    python3 -c "import sys; f,t=int(sys.argv[1]),float(sys.argv[3])-float(sys.argv[2]); print('turn %s jobs=%-3s %6d files in %.2f s: %8.0f files/s' % (sys.argv[4], sys.argv[5], f, t, f/t))" "$files" "$t0" "$t1" "$turn" "$jobs"
  done
done

echo "== peak memory on one document of $SIZE"
python3 - "$N" "$WORK" <<'EOF'
import glob, os, sys
n, work = int(sys.argv[1]), sys.argv[2]
docs = "".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob("tests/fixtures/*")))
with open(os.path.join(work, "corpus.txt"), "w", encoding="utf-8") as f:
    f.write(docs * (n // len(docs.encode()) + 1))
head = ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/CT-UBND\nAn Giang, ngày 05 tháng 01 năm 2024\n\n"
        "CHỈ THỊ\nVề việc phòng, chống dịch\n\n")
body = "".join("%d. Sở Y tế chủ trì, phối hợp với Ủy ban nhân dân các huyện thực hiện Chỉ thị số "
               "%d/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ; báo cáo trước ngày 30/6/2024.\n\n"
               % (i + 1, i % 97 + 1) for i in range(1000))
with open(os.path.join(work, "items.txt"), "w", encoding="utf-8") as f:
    f.write(head + body * (n // len(body.encode()) + 1) + "\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n")
with open(os.path.join(work, "one_line_items.txt"), "w") as f:
    f.write("1. x\n" * 2_000_000)
EOF
for shape in corpus items; do
  f="$WORK/$shape.txt"
  in=$(stat -c %s "$f")
  /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" parse --json --max-bytes 4G "$f" > "$WORK/out.json"
  rss_kb=$(cat "$WORK/rss")
  out=$(stat -c %s "$WORK/out.json")
  python3 -c "import sys; i,r,o=int(sys.argv[2]),int(sys.argv[3])*1024,int(sys.argv[4]); print('%-7s input %7.1f MB  peak RSS %8.1f MB = %4.1fx the input  JSON %.2f bytes per input byte' % (sys.argv[1], i/1e6, r/1e6, r/i, o/i))" "$shape" "$in" "$rss_kb" "$out"
done

echo "== JSON bytes per input byte"
if [ -d ../shared/corpus/docs ]; then corpus=../shared/corpus/docs; else corpus=tests/fixtures; fi
in=$(cat "$corpus"/* | wc -c)
out=$("$BIN" parse --json --quiet "$corpus" | wc -c)
python3 -c "import sys; print('%s: %.2f' % (sys.argv[1], int(sys.argv[3])/int(sys.argv[2])))" "$corpus" "$in" "$out"
f="$WORK/one_line_items.txt"
out=$("$BIN" parse --json "$f" | wc -c)
python3 -c "import sys; print('2,000,000 one-line items (1. x): %.1f' % (int(sys.argv[2])/int(sys.argv[1])))" "$(stat -c %s "$f")" "$out"
