"""Two processes writing at once lose nothing; a process killed in the middle
of a batch leaves the register as if the batch had never started."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from signatures.register import Register
from tests.support.register import T0, corpus_fixture, doc_id, fake_manifest, register_url_fixture

register_url = register_url_fixture()
corpus = corpus_fixture()

PARTIES = [f"net-{n:02d}" for n in range(1, 11)]

# appends COUNT events one transaction each, starting when the file GO exists
WRITER = """
import json, os, sys, time
from signatures.register import Register
url, go, tag, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
docs = json.loads(sys.argv[5])
register = Register(url)
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.005)
for n in range(count):
    register.record(docs[n % len(docs)], "reminder", details={"writer": tag, "n": n})
    time.sleep(0.001)  # as clients do between two commands: lets the other one in
print("done", flush=True)
"""

# appends one batch of COUNT events, pausing after each chunk written
KILLED = """
import sys, time
from signatures.log import chain
from signatures.register import Record, Register
chain.CHUNK = 200
url, doc, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
register = Register(url)
def progress(done, total):
    print(f"written {done} of {total}", flush=True)
    time.sleep(0.2)
register.record_many(
    [Record(doc, "reminder", details={"n": n}) for n in range(count)], progress=progress
)
print("committed", flush=True)
"""


def start(script: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ)
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.fixture
def issued(register_url, corpus, tmp_path):
    with Register(register_url) as register:
        register.issue_from_manifest(fake_manifest(tmp_path / "m", PARTIES), now=T0)
    return register_url


def test_two_processes_appending_at_once_lose_nothing(issued, tmp_path):
    go = tmp_path / "go"
    docs = json.dumps([doc_id(p) for p in PARTIES])
    writers = [start(WRITER, issued, str(go), tag, "1000", docs) for tag in ("a", "b")]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
    go.touch()
    for writer in writers:
        out, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    with Register(issued) as register:
        result = register.verify()
        assert result.ok, result.problems[:5]
        events = register.events()
    assert len(events) == len(PARTIES) + 2000
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    written = [(e.data["writer"], e.data["n"]) for e in events if e.kind == "reminder"]
    for tag in ("a", "b"):
        assert sorted(n for t, n in written if t == tag) == list(range(1000))
    # they really ran at the same time: the two writers' events interleave
    tags = [t for t, _ in written]
    switches = sum(1 for x, y in itertools.pairwise(tags) if x != y)
    assert switches > 10


def test_a_process_killed_mid_batch_leaves_nothing_of_it(issued):
    with Register(issued) as register:
        before = register.head()
    child = start(KILLED, issued, doc_id("net-01"), "20000")
    lines = []
    deadline = time.monotonic() + 120
    while len(lines) < 3 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
    assert lines[:3] == ["written 200 of 20000", "written 400 of 20000", "written 600 of 20000"], (
        lines,
        child.stderr.read() if child.poll() is not None else "",
    )
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    with Register(issued) as register:
        assert register.head() == before
        assert register.verify().ok
        # and the register takes new events at once (no lock left behind)
        register.record(doc_id("net-01"), "sent")
        assert register.head()[0] == before[0] + 1
        assert register.verify().ok
