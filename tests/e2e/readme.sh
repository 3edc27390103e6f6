# README.md is written from its parts (docs/README.*.md, docs/tour/*.md) by
# scripts/readme.sh: a change to a part that did not regenerate README.md fails here.
. "$TOP/tests/lib.sh"
sh "$TOP/scripts/readme.sh" > readme.md 2> readme.err
expect_eq "scripts/readme.sh runs" 0 $?
if cmp -s readme.md "$TOP/README.md"; then ok "README.md is current"; else
	fail "README.md differs from its parts: run 'sh scripts/readme.sh > README.md'"
	diff -u "$TOP/README.md" readme.md | head -n 20
fi
for f in "$TOP"/docs/tour/*.md; do
	n=$(basename "$f" .md)
	if grep -qx "$n" "$TOP/docs/tour/ORDER"; then ok "tour $n is in ORDER"; else
		fail "docs/tour/$n.md is not in docs/tour/ORDER"; fi
done
done_testing
