#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal and answers its prompts, for tests of terminal input.

usage: pty-drive.py SCRIPT.json -- COMMAND [ARGS...]
SCRIPT.json is a list of [expected text, line to type]. Each line is typed only once the
expected text has appeared on the terminal since the previous answer (no sleeps), so it
works on a loaded machine. Prints everything the terminal showed, then exits with the
command's exit status (124 if an expected text never came within 120 s).
"""
import json, os, pty, select, sys, time

def main():
    sep = sys.argv.index("--")
    steps = json.load(open(sys.argv[1]))
    cmd = sys.argv[sep + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    seen = b""
    def read_some(deadline):
        nonlocal seen
        r, _, _ = select.select([fd], [], [], max(0.0, deadline - time.time()))
        if not r:
            return False
        try:
            data = os.read(fd, 4096)
        except OSError:
            return None
        if not data:
            return None
        seen += data
        return True
    pos = 0
    for expect, answer in steps:
        want = expect.encode()
        deadline = time.time() + 120
        while want not in seen[pos:]:
            got = read_some(deadline)
            if got is None or (got is False and time.time() >= deadline):
                sys.stdout.write(seen.decode(errors="replace"))
                sys.stdout.write("\n[pty-drive] never saw: %r\n" % expect)
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                sys.exit(124)
        pos = seen.index(want, pos) + len(want)
        os.write(fd, answer.encode() + b"\n")
    while read_some(time.time() + 120):
        pass
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(seen.decode(errors="replace"))
    sys.exit(os.waitstatus_to_exitcode(status))

main()
