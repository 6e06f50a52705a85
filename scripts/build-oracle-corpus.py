#!/usr/bin/python3
"""Build fixtures/zxcvbn-oracle/corpus.txt: the passwords the zxcvbn oracle test rates.

Deterministic (seeded), so running it again gives the same file. Needs Debian's python3-zxcvbn
only for its word lists (MIT). See fixtures/zxcvbn-oracle/README.md for the mix.
    /usr/bin/python3 scripts/build-oracle-corpus.py
"""
import os
import random
import string

from zxcvbn.adjacency_graphs import ADJACENCY_GRAPHS
from zxcvbn.frequency_lists import FREQUENCY_LISTS

rng = random.Random(20260401)
here = os.path.dirname(os.path.abspath(__file__))
out_path = os.path.join(here, "..", "fixtures", "zxcvbn-oracle", "corpus.txt")

passwords = FREQUENCY_LISTS["passwords"]
english = FREQUENCY_LISTS["english_wikipedia"]
female = FREQUENCY_LISTS["female_names"]
male = FREQUENCY_LISTS["male_names"]
surnames = FREQUENCY_LISTS["surnames"]
tv = FREQUENCY_LISTS["us_tv_and_film"]
with open(os.path.join(here, "..", "Sources", "Vault", "Resources", "eff-long-wordlist.txt")) as f:
    eff = [w for w in f.read().split("\n") if w]

SYMBOLS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
corpus = []
seen = set()


def add(pw, section):
    if not pw or "\t" in pw or "\n" in pw or "\r" in pw or len(pw) > 64:
        return
    if pw in seen:
        return
    seen.add(pw)
    corpus.append(pw)
    counts[section] = counts.get(section, 0) + 1


counts = {}

# 1. Common passwords, across the whole ranked list (more from the top).
for pw in passwords[:1000]:
    add(pw, "common")
for pw in rng.sample(passwords[1000:], 1700):
    add(pw, "common")

# 2. Words, names and film words by themselves and capitalised.
for lst in (english, female, male, surnames, tv):
    for w in rng.sample(lst, 160):
        add(w if rng.random() < 0.6 else w.capitalize(), "words-names")

# 3. Mutations of common passwords and words: l33t, capitals, digits and symbols appended.
L33T = {"a": "@4", "e": "3", "i": "1!", "o": "0", "s": "$5", "t": "7+", "l": "1|", "g": "9", "b": "8", "z": "2"}


def leet(w, p):
    return "".join(rng.choice(L33T[c]) if c in L33T and rng.random() < p else c for c in w)


def mutate(w):
    r = rng.random()
    if r < 0.25:
        w = leet(w, 0.6)
    elif r < 0.4:
        w = leet(w, 1.0)
    if rng.random() < 0.5:
        w = w.capitalize()
    elif rng.random() < 0.1:
        w = w.upper()
    tail = rng.choice(["", "1", "12", "123", "1!", "!", "2024", "2026", "01", "99", "007", "@", "#1",
                       str(rng.randint(0, 9999)), str(rng.randint(1950, 2030)), "!!", "?", "."])
    head = rng.choice(["", "", "", "1", "!", "my", "the"])
    return head + w + tail


for _ in range(2300):
    base = rng.choice(passwords[:5000] if rng.random() < 0.5 else english[:8000])
    add(mutate(base), "mutated")
for w in rng.sample(english[:3000], 200):
    add(w[::-1], "reversed")

# 4. Dates, alone and with names, with and without separators.
for _ in range(900):
    y, m, d = rng.randint(1940, 2030), rng.randint(1, 12), rng.randint(1, 28)
    fmt = rng.choice(["%Y%m%d", "%d%m%Y", "%m%d%Y", "%y%m%d", "%d%m%y", "%m%d", "%Y", "%d.%m.%Y",
                      "%Y-%m-%d", "%d/%m/%y", "%m/%d/%Y", "%d_%m_%Y"])
    s = (fmt.replace("%Y", "%04d" % y).replace("%y", "%02d" % (y % 100))
         .replace("%m", "%02d" % m).replace("%d", "%02d" % d))
    r = rng.random()
    if r < 0.35:
        s = rng.choice(female + male)[:10] + s
    elif r < 0.5:
        s = s + rng.choice(["!", "@", "#", "abc", "xx"])
    add(s, "dates")

# 5. Keyboard walks on qwerty and the keypad, straight and with turns, shifted at times.
graph = ADJACENCY_GRAPHS["qwerty"]
keypad = ADJACENCY_GRAPHS["keypad"]


def walk(g, length, turn_p):
    key = rng.choice([k for k in g if k.islower() or k.isdigit()] or list(g))
    out = [key]
    direction = None
    while len(out) < length:
        nbrs = [(i, n) for i, n in enumerate(g[out[-1]]) if n]
        if not nbrs:
            break
        same = [x for x in nbrs if x[0] == direction]
        i, n = same[0] if same and rng.random() > turn_p else rng.choice(nbrs)
        direction = i
        out.append(n[1] if len(n) > 1 and rng.random() < 0.1 else n[0])
    return "".join(out)


for _ in range(650):
    add(walk(graph, rng.randint(4, 14), rng.choice([0.0, 0.1, 0.3, 0.6])), "keyboard")
for _ in range(150):
    add(walk(keypad, rng.randint(4, 10), 0.3), "keyboard")
for rows in ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "1qaz2wsx3edc4rfv", "zaq12wsx", "qazwsx", "!qaz@wsx"]:
    for a in range(0, len(rows) - 3):
        for b in range(a + 4, min(len(rows), a + 12) + 1):
            add(rows[a:b] + rng.choice(["", "1", "!", "123"]), "keyboard")

# 6. Pinyin-like words with digits (zhangwei1988, woaini520).
SYLLABLES = ("zhang wang li liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao "
             "wei fang na min jing li xiu ying hua jun yan hong ping gang tao ming chao xiao long "
             "jie jian bo lei yu dan hui xin qiang yong jia hao wen tian yi feng").split()
PHRASES = ["woaini", "aini", "woaiwojia", "iloveyou", "qq", "baobao", "laopo", "laogong", "wode", "xiaobao",
           "tianshi", "mima", "zhongguo", "beijing", "shanghai", "shenzhen", "guangzhou", "hangzhou"]
LUCKY = ["520", "1314", "5201314", "666", "888", "8888", "168", "518", "123", "123456", "1", "88", "66", "007",
         "110", "119", "12345", "521", "9999"]
for _ in range(1700):
    r = rng.random()
    if r < 0.55:
        name = rng.choice(SYLLABLES) + "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 2)))
    else:
        name = rng.choice(PHRASES) + (rng.choice(SYLLABLES) if rng.random() < 0.3 else "")
    r = rng.random()
    if r < 0.4:
        tail = str(rng.randint(1960, 2012))
    elif r < 0.75:
        tail = rng.choice(LUCKY)
    elif r < 0.85:
        tail = "%02d%02d" % (rng.randint(1, 12), rng.randint(1, 28))
    else:
        tail = str(rng.randint(0, 999))
    pw = name + tail
    if rng.random() < 0.15:
        pw = pw.capitalize()
    if rng.random() < 0.1:
        pw = tail + name
    add(pw, "pinyin")

# 7. Random strings from several alphabets and lengths (what genpass and password managers make).
ALPHABETS = [string.ascii_lowercase, string.digits, string.ascii_lowercase + string.digits,
             string.ascii_letters, string.ascii_letters + string.digits,
             string.ascii_letters + string.digits + SYMBOLS]
for _ in range(1500):
    a = rng.choice(ALPHABETS)
    n = rng.randint(4, 24)
    add("".join(rng.choice(a) for _ in range(n)), "random")

# 8. Passphrases and word combinations.
for _ in range(500):
    k = rng.randint(2, 5)
    sep = rng.choice(["", "", "-", " ", ".", "_"])
    words = [rng.choice(eff if rng.random() < 0.5 else english[:5000]) for _ in range(k)]
    if rng.random() < 0.3:
        words = [w.capitalize() for w in words]
    add(sep.join(words) + rng.choice(["", "", "1", "!", str(rng.randint(0, 99))]), "passphrases")

# 9. Sequences and repeats.
for _ in range(500):
    r = rng.random()
    if r < 0.3:
        start = rng.randint(0, 25)
        n = rng.randint(3, 12)
        s = "".join(chr(97 + (start + i) % 26) for i in range(n))
    elif r < 0.5:
        start = rng.randint(0, 9)
        s = "".join(str((start + i) % 10) for i in range(rng.randint(3, 10)))
    elif r < 0.7:
        s = rng.choice(string.ascii_letters + string.digits + "!@#") * rng.randint(3, 12)
    else:
        unit = rng.choice(["ab", "abc", "123", "12", "love", "qwe", "xo", "haha", rng.choice(passwords[:300])])
        s = unit * rng.randint(2, 5)
    if rng.random() < 0.3:
        s = s + rng.choice(["!", "1", "x", "2020"])
    if rng.random() < 0.2:
        s = s[::-1]
    add(s, "sequences-repeats")

with open(out_path, "w") as f:
    f.write("\n".join(corpus) + "\n")
print(len(corpus), counts)
