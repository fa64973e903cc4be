"""SQLite and PostgreSQL store the same things; concurrent writers neither fail
nor duplicate; the migrations build exactly the tables the models describe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from planwatch.store import Store
from planwatch.store.engine import ALEMBIC_INI

SEEDS = Path(__file__).parents[2] / "../shared/seeds"
PLANWATCH = Path(sys.executable).parent / "planwatch"


def _planwatch(*args: str, url: str) -> subprocess.Popen:
    env = {**os.environ, "PLANWATCH_DATABASE_URL": url}
    return subprocess.Popen([str(PLANWATCH), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _contents(url: str):
    with Store(url) as store:
        documents = [(d.name, d.version, d.sha256, d.encoding, d.region, d.doc_type, d.report_years,
                      d.target_years, d.plan_span, d.date, d.meeting, d.fact_count, store.document(d.id).text)
                     for d in store.documents()]
        facts = [{k: v for k, v in f.to_dict().items() if k not in ("document_id", "id")} for f in store.facts()]
    return documents, facts


def test_postgresql_stores_the_same_seeds_as_sqlite(sqlite_url, pg_url):
    for url in (sqlite_url, pg_url):
        process = _planwatch("ingest", str(SEEDS), url=url)
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        assert out.startswith("documents 5, ")
    on_sqlite, on_pg = _contents(sqlite_url), _contents(pg_url)
    assert len(on_sqlite[0]) == 5
    assert on_pg == on_sqlite


def test_two_ingests_at_once_store_each_document_once(database_url, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(150):
        (folder / f"doc_{n:03d}.txt").write_text(f"青石县第{n}号报告\n地区生产总值增长{n}.5%。\n", "utf-8")
    Store(database_url).close()    # the schema first: two migrating processes are a separate matter
    processes = [_planwatch("ingest", str(folder), url=database_url) for _ in range(2)]
    results = [p.communicate(timeout=600) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [err for _, err in results]
    added = [int(out.split()[1].rstrip(",")) for out, _ in results]
    assert sum(added) == 150
    with Store(database_url) as store:
        assert sorted((d.name, d.version) for d in store.documents(include_superseded=True)) == [
            (f"doc_{n:03d}.txt", 1) for n in range(150)]


def test_migrations_build_the_tables_the_models_describe(database_url):
    """What a developer runs (planwatch/store/alembic.ini): upgrade, then check for drift."""
    alembic = [str(Path(sys.executable).parent / "alembic"), "-c", str(ALEMBIC_INI)]
    env = {**os.environ, "PLANWATCH_DATABASE_URL": database_url}
    upgrade = subprocess.run([*alembic, "upgrade", "head"], env=env, capture_output=True, text=True, timeout=300)
    assert upgrade.returncode == 0, upgrade.stderr
    check = subprocess.run([*alembic, "check"], env=env, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stderr + check.stdout
    assert "No new upgrade operations detected" in check.stdout + check.stderr


def test_opening_an_existing_store_keeps_its_contents(database_url, document, facts):
    with Store(database_url) as store:
        store.add_document(document, facts)
    with Store(database_url) as again:
        assert len(again.facts()) == 5


def test_processes_opening_a_new_sqlite_file_at_once_all_succeed(sqlite_url, tmp_path):
    # Six ingests of an empty folder: each creates and migrates the one new file, none fails.
    empty = tmp_path / "nothing"
    empty.mkdir()
    processes = [_planwatch("ingest", str(empty), url=sqlite_url) for _ in range(6)]
    results = [p.communicate(timeout=600) for p in processes]
    assert [p.returncode for p in processes] == [0] * 6, [err for _, err in results]
    with Store(sqlite_url) as store:
        assert store.documents() == []


def test_a_database_of_an_earlier_version_keeps_its_facts_through_the_migrations(database_url):
    # Built as release 0002 left it, with a document and its facts; then opened by today's Store.
    # (A migration that rebuilds the documents table once emptied facts on SQLite: ON DELETE CASCADE.)
    import sqlalchemy as sa
    from alembic import command

    from planwatch.store.engine import migrating, open_engine

    engine = open_engine(database_url)
    with migrating(engine) as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS search_documents"))   # not the migrations'; refers to documents
        command.downgrade(_config(conn), "base")   # the fixture's database is already at head
        command.upgrade(_config(conn), "0002")
        conn.execute(sa.text(
            "INSERT INTO documents (id, name, version, superseded, sha256, encoding, format, doc_type, report_years,"
            " target_years, text, fact_count, ingested_at, region_key) VALUES (1, 'a.txt', 1, false, 'x', 'utf-8',"
            " 'text', 'work_report', '[2024]', '[2025]', '地区生产总值增长6%', 1, '2025-01-01', '青石县')"))
        conn.execute(sa.text(
            "INSERT INTO facts (document_id, indicator, role, period, measure, value, also, estimated, stretch,"
            " cumulative, evidence_start, evidence_end, extractor_version) VALUES (1, '地区生产总值', 'target',"
            " '2025', 'growth', '6', '[]', false, false, false, 0, 11, '0.1.0')"))
        conn.commit()
    engine.dispose()
    with Store(database_url) as store:
        [fact] = store.facts()
        assert (fact.fact.indicator, fact.fact.period, fact.fact.value) == ("地区生产总值", "2025", 6)
        assert fact.fact.role_basis is None and store.sources(fact.document_id) == []


def _config(conn):
    from alembic.config import Config

    config = Config(ALEMBIC_INI)
    config.attributes["connection"] = conn
    return config
