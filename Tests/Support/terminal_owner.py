"""Runs a command on a pseudo-terminal and answers its approval gates as a person at the keyboard
would: each time the command shows the gate's prompt, the next answer is typed (then end of input).
Everything the command shows is copied to standard output; the exit code is the command's.

Usage: terminal_owner.py ANSWER... -- COMMAND [ARGUMENT...]
"""

import os
import pty
import select
import signal
import sys

PROMPT = b"[a | r REASON | m INSTRUCTION] "


def main():
    arguments = sys.argv[1:]
    split = arguments.index("--")
    answers, command = arguments[:split], arguments[split + 1:]
    pid, terminal = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    seen = b""
    given = 0
    while True:
        ready, _, _ = select.select([terminal], [], [], 120)
        if not ready:
            os.kill(pid, signal.SIGKILL)
            print("terminal_owner: no output for 120 s", file=sys.stderr)
            sys.exit(124)
        try:
            data = os.read(terminal, 65536)
        except OSError:  # the command ended and the terminal closed
            break
        if not data:
            break
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        seen += data
        while PROMPT in seen:
            seen = seen.split(PROMPT, 1)[1]
            if given < len(answers):
                os.write(terminal, answers[given].encode() + b"\n")
                given += 1
            else:
                os.write(terminal, b"\x04")
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
