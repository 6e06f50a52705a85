#!/usr/bin/python3
"""Rate passwords with the real zxcvbn (zxcvbn-python 4.4.28, Debian python3-zxcvbn).

    /usr/bin/python3 scripts/zxcvbn-oracle.py                    # corpus.txt -> expected.tsv
    /usr/bin/python3 scripts/zxcvbn-oracle.py - < passwords.txt  # one per line -> TSV on stdout

Each output line is: score <TAB> log10(guesses) rounded to 4 places <TAB> password.
"""
import math
import os
import sys

import zxcvbn


def rate(pw):
    r = zxcvbn.zxcvbn(pw)
    return "%d\t%.4f\t%s" % (r["score"], math.log10(float(r["guesses"])), pw)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "-":
        for line in sys.stdin.read().split("\n"):
            if line:
                print(rate(line))
        return
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "zxcvbn-oracle")
    with open(os.path.join(here, "corpus.txt")) as f:
        corpus = [line for line in f.read().split("\n") if line]
    with open(os.path.join(here, "expected.tsv"), "w") as f:
        f.write("# score\tlog10_guesses\tpassword  (zxcvbn-python %s; scripts/zxcvbn-oracle.py)\n"
                % getattr(zxcvbn, "__version__", "4.4.28"))
        for pw in corpus:
            f.write(rate(pw) + "\n")


if __name__ == "__main__":
    main()
