"""Run one command and report its exit code, wall time and peak memory as JSON on a file descriptor.

Usage: ``python -I -S launch.py FD TIMEOUT COMMAND...`` (FD: where to write the report), as
:func:`tests.hostile.runner.run` does.

Why a launcher: a child's ``ru_maxrss`` also counts the memory of the process it was forked from
(Linux keeps the high-water mark across ``exec``), so measuring straight from pytest would report
pytest's own size. This launcher is a bare interpreter (a few MB); its child's figure is its own.
"""

import json
import os
import signal
import sys
import time

report_fd = int(sys.argv[1])
timeout = float(sys.argv[2])
command = sys.argv[3:]
start = time.perf_counter()
os.set_inheritable(report_fd, False)  # the measured command does not get it
pid = os.posix_spawn(command[0], command, os.environ)
status, usage, timed_out = 0, None, False
while True:
    done, status, usage = os.wait4(pid, os.WNOHANG)
    if done:
        break
    if time.perf_counter() - start > timeout:
        timed_out = True
        os.kill(pid, signal.SIGKILL)
        _, status, usage = os.wait4(pid, 0)
        break
    time.sleep(0.002)
report = {
    "code": os.waitstatus_to_exitcode(status),
    "seconds": time.perf_counter() - start,
    "peak_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
    "timed_out": timed_out,
}
os.write(report_fd, json.dumps(report).encode())
