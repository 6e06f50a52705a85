#!/usr/bin/python3
"""Export zxcvbn-python 4.4.28's frequency lists and adjacency graphs (Debian python3-zxcvbn,
MIT licence) into Sources/Vault/Resources/zxcvbn/, the data vaultcli's strength estimator uses.

Run with Debian's /usr/bin/python3 (which has python3-zxcvbn installed):
    /usr/bin/python3 scripts/export-zxcvbn-data.py
The `passwords` list is not exported again: it is Resources/common-passwords.txt already.
"""
import json
import os
import sys

from zxcvbn.adjacency_graphs import ADJACENCY_GRAPHS
from zxcvbn.frequency_lists import FREQUENCY_LISTS

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "Vault", "Resources")
out = os.path.join(root, "zxcvbn")
os.makedirs(out, exist_ok=True)

with open(os.path.join(root, "common-passwords.txt")) as f:
    shipped = [line for line in f.read().split("\n") if line]
if shipped != FREQUENCY_LISTS["passwords"]:
    sys.exit("common-passwords.txt differs from zxcvbn's passwords list")

for name, words in FREQUENCY_LISTS.items():
    if name == "passwords":
        continue
    with open(os.path.join(out, name + ".txt"), "w") as f:
        f.write("\n".join(words) + "\n")

# The order of the dictionaries matters for zxcvbn's tie-breaking; record it.
with open(os.path.join(out, "dictionaries.txt"), "w") as f:
    f.write("\n".join(FREQUENCY_LISTS.keys()) + "\n")

with open(os.path.join(out, "adjacency_graphs.json"), "w") as f:
    # Graph order matters too (qwerty, dvorak, keypad, mac_keypad): keep it as a list.
    json.dump([{"name": k, "graph": v} for k, v in ADJACENCY_GRAPHS.items()], f, sort_keys=True, separators=(",", ":"))
    f.write("\n")
