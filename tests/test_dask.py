"""Scale-out with dask: `detector.dask` (bags, dataframes, JSONL shards) and `mtdetect score
--dask ADDRESS`, on a real `distributed.LocalCluster` of two worker processes on 127.0.0.1.
Every result must equal the local, one-process run byte for byte (after sorting where the
order is the cluster's). Plus: without dask installed, importing detector.dask is a one-line
error naming the extra to install.

tests/conftest.py blocks every network connection for the session. The cluster talks over
loopback TCP, so these tests let loopback through, and only loopback (as tests/test_browser.py
does for chromedriver); anything else still reaches the guard."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import subprocess_env
from loopback import _current, _install, _loopback_functions, loopback_allowed
from test_parallel import case_texts

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from detector import Detector  # noqa: E402
from detector.config import Config  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, on 127.0.0.1. The cluster's own threads run
    between tests too, so loopback stays open for the whole module (re-opened after the
    session guard is re-checked before each test, see `_loopback`) and closes with it."""
    from distributed import LocalCluster

    with loopback_allowed():
        c = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address=None)
        try:
            yield c
        finally:
            c.close()


@pytest.fixture
def client(cluster, _loopback):
    from distributed import Client

    c = Client(cluster, set_as_default=False)
    yield c
    c.close()


@pytest.fixture(autouse=True)
def _loopback(request):
    """conftest re-installs its guard before every test; let loopback through again at once.
    Not undone after the test, so the cluster's background traffic between tests still flows;
    the module fixture `_restore_guard` puts the guard back when the module is done."""
    if "_no_network" in request.fixturenames:
        request.getfixturevalue("_no_network")
    from conftest import network_guard_installed

    if network_guard_installed():
        _install(_loopback_functions(_current()))
    yield


@pytest.fixture(scope="module", autouse=True)
def _restore_guard():
    """Puts the guard back after the module, and checks that nothing here (the cluster's
    threads included) tried to reach anything but loopback."""
    from conftest import NETWORK_ATTEMPTS, install_network_guard

    before = len(NETWORK_ATTEMPTS)
    yield
    install_network_guard()
    assert NETWORK_ATTEMPTS[before:] == [], "non-loopback network attempts during the dask tests"


CONFIG = Config()


def texts() -> list[str]:
    return case_texts()


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


# ------------------------------------------------------------------------------------------


def test_score_bag_equals_the_local_run(client) -> None:
    import dask.bag as db

    from detector.dask import score_bag

    items = [{"id": f"t{i}", "text": t, "source": "cases"} for i, t in enumerate(texts())]
    bag = db.from_sequence(items, npartitions=6)
    remote = score_bag(bag).compute(scheduler=client)
    local = [r.to_dict() for r in Detector().score_many(items)]
    assert sorted(map(dumps, remote)) == sorted(map(dumps, local))
    # strings and (id, text) pairs too
    plain = score_bag(db.from_sequence(texts()[:8], npartitions=2)).compute(scheduler=client)
    assert sorted(map(dumps, plain)) == sorted(dumps(Detector().score(t).to_dict()) for t in texts()[:8])
    pairs = score_bag(db.from_sequence([(i, t) for i, t in enumerate(texts()[:8])], npartitions=2)).compute(scheduler=client)
    assert [r["id"] for r in pairs] == list(range(8))


def test_score_dataframe_equals_the_local_run(client) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from detector.dask import score_dataframe

    frame = pd.DataFrame({"body": texts(), "url": [f"https://example.org/{i}" for i in range(len(texts()))]})
    frame.loc[3, "body"] = None  # a missing text: scored as nothing, the row is kept
    out = score_dataframe(dd.from_pandas(frame, npartitions=5), text_column="body", id_column="url").compute(scheduler=client)
    assert list(out.columns) == ["body", "url", "score", "flagged", "findings"]
    assert list(out["url"]) == list(frame["url"])
    detector = Detector()
    for i, row in enumerate(out.itertuples()):
        if i == 3:
            assert pd.isna(row.score) and not row.flagged and pd.isna(row.findings)
            continue
        expected = detector.score(frame["body"][i], id=frame["url"][i]).to_dict()
        assert row.score == expected["score"] and bool(row.flagged) is expected["flagged"]
        assert row.findings == json.dumps(expected["findings"], ensure_ascii=False)
    assert any(json.loads(f) for f in out["findings"].dropna())


def test_score_dataframe_names_a_missing_column() -> None:
    import dask.dataframe as dd
    import pandas as pd

    from detector.dask import score_dataframe
    from detector.errors import DetectorError

    df = dd.from_pandas(pd.DataFrame({"body": ["Text."]}), npartitions=1)
    with pytest.raises(DetectorError, match="no column 'text'"):
        score_dataframe(df)


def test_jsonl_shards_equal_the_cli_output(client, cli, tmp_path: Path) -> None:
    from detector.dask import score_jsonl_shards

    src = tmp_path / "in"
    src.mkdir()
    all_texts = texts()
    for shard in range(4):
        rows = [json.dumps({"id": f"s{shard}-{i}", "text": t, "shard": shard}) for i, t in enumerate(all_texts[shard::4])]
        if shard == 1:
            rows.insert(2, '{"id": "broken", "text": ')  # a malformed line: reported, the rest scored
        data = ("\n".join(rows) + "\n").encode()
        if shard == 3:
            (src / f"part-{shard}.jsonl.gz").write_bytes(gzip.compress(data))
        else:
            (src / f"part-{shard}.jsonl").write_bytes(data)
    out = tmp_path / "out"
    reports = score_jsonl_shards(str(src / "part-*.jsonl*"), str(out), scheduler=client)
    assert [Path(r.output).name for r in reports] == [f"part-{s}.jsonl" for s in range(4)]
    assert sorted(p.name for p in out.iterdir()) == [f"part-{s}.jsonl" for s in range(4)]  # no temporary files left
    for shard, report in enumerate(reports):
        inp = next(src.glob(f"part-{shard}.jsonl*"))
        local = cli("score", "--format", "jsonl", "-q", str(inp))
        assert (out / f"part-{shard}.jsonl").read_text(encoding="utf-8") == local.out
        assert report.documents == len(local.jsonl())
        assert len(report.errors) == (1 if shard == 1 else 0)
    assert "part-1.jsonl:3: not valid JSON" in reports[1].errors[0]


def test_cli_dask_equals_the_local_run(cluster, cli, tmp_path: Path) -> None:
    rows = [{"id": f"c{i}", "text": t} for i, t in enumerate(texts())]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "not json\n", encoding="utf-8")
    local = cli("score", "--format", "jsonl", "-q", str(path))
    remote = cli("score", "--format", "jsonl", "-q", "--dask", cluster.scheduler_address, str(path))
    assert remote.code == local.code == 2  # the malformed last line
    assert remote.out == local.out  # byte for byte and in input order
    assert remote.err == local.err


def test_cli_dask_unreachable_scheduler_is_one_line(cli) -> None:
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        r = cli("score", "--dask", "tcp://127.0.0.1:9", stdin="The port reopened.")
    assert r.code == 2
    assert r.err.count("\n") == 1 and "cannot connect to the dask scheduler" in r.err and "Traceback" not in r.err


def test_without_dask_the_import_is_one_line_naming_the_extra() -> None:
    script = (
        "import sys\n"
        "sys.modules['dask'] = None  # as if dask were not installed\n"
        "from detector.errors import DetectorError\n"
        "try:\n"
        "    import detector.dask\n"
        "except DetectorError as e:\n"
        "    print(e)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=subprocess_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "detector.dask needs dask: pip install 'detector[dask]'\n"


def test_dask_backend_waits_on_its_own_client(cluster) -> None:
    # the CLI's client is not the process-wide default one; waiting must not need one
    import time

    from detector.parallel import DaskBackend

    backend = DaskBackend(cluster.scheduler_address)
    try:
        slow = backend.submit(time.sleep, 1.0)
        assert backend.wait(slow, 0.01) is False  # still sleeping
        assert backend.wait(slow, 60) is True
        failing = backend.submit(int, "not a number")
        assert backend.wait(failing, 60) is True  # finished, with an error
        with pytest.raises(ValueError):
            failing.result()
    finally:
        backend.close()
