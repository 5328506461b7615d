"""`-q/--quiet`: only errors on stderr, whatever the command prints on its own."""

from __future__ import annotations

from geomap.cli import main


def test_quiet_map_prints_nothing_on_stderr_but_writes_its_outputs(capsys, tmp_path, gazetteer):
    article = tmp_path / "a.txt"
    article.write_text("Shelling hit Kharkiv on Tuesday, regional officials said.\n",
                       encoding="utf-8")
    code = main(["-q", "map", str(article), "-o", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 0 and (tmp_path / "out" / "index.html").exists()
    assert err == "" and out == ""
    # without -q the same run reports its counts on stderr
    code = main(["map", str(article), "-o", str(tmp_path / "out2"), "--no-progress"])
    assert code == 0 and "place mentions" in capsys.readouterr().err


def test_quiet_still_prints_errors(capsys, tmp_path):
    code = main(["-q", "map", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out")])
    _out, err = capsys.readouterr()
    assert code == 1 and err.startswith("geomap: error: no article could be read")


def test_quiet_keeps_a_commands_own_error_line(capsys, tmp_path):
    queries = tmp_path / "q.txt"
    queries.write_bytes(b"\x00\x01\x02" * 400)
    code = main(["-q", "geocode", "--input", str(queries)])
    err = capsys.readouterr().err
    assert code == 1 and "binary data" in err
