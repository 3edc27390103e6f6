# The awareness kit for the Swiss practice (German): the list of PDFs written, in the
# kit's own order when there is no database; the files in the directory.
. "$TOP/tests/golden/drill-lib.sh"
r kit --out kit
ls kit
