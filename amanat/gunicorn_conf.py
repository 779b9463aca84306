"""gunicorn's settings for every way Amanat is served (`gunicorn -c python:amanat.gunicorn_conf`).

A worker whose master dies must not keep the port. gunicorn's workers notice a new parent
only between waits of half the worker timeout (15 s by default), and not at all while a
request hangs; after `kill -9` of the master that left orphans answering, and a restarted
master could not bind. On Linux the kernel can tell the worker instead: PR_SET_PDEATHSIG
sends it SIGTERM the moment the master dies, and gunicorn's own handler then lets the worker
finish the request in hand and exit. (systemd's KillMode=control-group, deploy/amanat.service,
is the second line: it kills whatever is left of the group before a restart.)"""

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent(parent_pid: int) -> None:
    if not sys.platform.startswith("linux"):
        return  # elsewhere gunicorn's own parent check is all there is
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        return
    if os.getppid() != parent_pid:  # the master died before prctl took effect
        os.kill(os.getpid(), signal.SIGTERM)


def post_fork(server, worker):
    _die_with_parent(server.pid)
